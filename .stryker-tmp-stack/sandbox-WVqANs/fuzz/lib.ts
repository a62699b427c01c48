// @ts-nocheck
// Mutational fuzzing of every entry point that takes untrusted input (issue 17 §3). Deterministic per seed. Used by
// `npm run fuzz` (fuzz/run.ts: large counts, a time budget) and by a small seeded slice in `npm test`
// (test/fuzz/slice.test.ts). A case counts as:
//   throw        — the entry point threw (verification must report, never throw; extraction/decoding/rule parsing may
//                  only throw their typed CredstackError);
//   slow         — took more than 1 s of wall time (recorded here only; tests never assert time);
//   wrongAccept  — a mutated credential verified although its canonical N-Quads (the signed RDF, proof removed)
//                  differ from the original's.
import jsonld from 'jsonld';
import { bakePng, bakeSvg, bundlePresentation, createDocumentLoader, CredstackError, decodeBitstring, encodeBitstring, evaluateStack, extractCredential, generateKeyPair, issueCredential, parseStackingRule, verifyCredential, verifyPortfolio, type KeyPair } from '../src/index.js';

export const NOW = '2026-11-23T12:00:00Z';
const ISSUED = '2026-09-01T09:00:00Z';

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const evil = (): unknown => ({
  toString() {
    throw new Error('toString trap');
  },
  valueOf() {
    throw new Error('valueOf trap');
  },
});
const STRINGS = ['', 'x', 'VerifiableCredential', 'OpenBadgeCredential', 'Achievement', 'Profile', '@id', '@type', '@vocab', '@context', 'https://www.w3.org/2018/credentials#validUntil', 'https://www.w3.org/2018/credentials#', 'urn:uuid:1', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:web:localhost.', 'https://127.0.0.1/x', '2020-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'not a date', 'z' + '2'.repeat(86), '\u0000', '\ud800', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'a'.repeat(300), 'eddsa-rdfc-2022', 'DataIntegrityProof', 'assertionMethod', 'authentication'];
const KEYS = ['@context', '@type', '@id', '@vocab', '@base', '@graph', '@included', '@reverse', 'id', 'type', 'validUntil', 'validFrom', 'issuanceDate', 'expirationDate', 'credentialStatus', 'proof', 'issuer', 'credentialSubject', 'name', 'expires', 'cryptosuite', 'verificationMethod', 'creditsAvailable', '__proto__', 'constructor', 'toString'];

function randomValue(r: R, depth = 0): unknown {
  const k = r();
  if (k < 0.35) return pick(r, STRINGS);
  if (k < 0.45) return pick(r, [0, -1, 1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1]);
  if (k < 0.52) return pick(r, [true, false, null]);
  if (k < 0.54) return evil();
  if (k < 0.75 && depth < 3) return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, depth + 1));
  if (depth < 3) return Object.fromEntries(Array.from({ length: Math.floor(r() * 3) }, () => [pick(r, KEYS), randomValue(r, depth + 1)]));
  return 'leaf';
}

/** All [parent, key] slots of a JSON value (iteratively). */
function slots(root: unknown): Array<[any, string | number]> {
  const out: Array<[any, string | number]> = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) {
      n.forEach((v, i) => {
        out.push([n, i]);
        stack.push(v);
      });
    } else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        out.push([n, k]);
        stack.push(v);
      }
    }
  }
  return out;
}

/** Mutate a deep copy of a JSON object with 1–3 structural edits. */
export function mutateObject(r: R, original: unknown): any {
  const doc = structuredClone(original) as any;
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const all = slots(doc);
    if (!all.length) break;
    const [parent, key] = pick(r, all);
    const v = parent[key];
    switch (Math.floor(r() * 10)) {
      case 0:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 1:
        parent[key] = randomValue(r);
        break;
      case 2:
        parent[key] = Array.isArray(v) ? [...v, ...v] : [v, v];
        break;
      case 3:
        parent[key] = Array.isArray(v) ? v[0] : [v];
        break;
      case 4:
        if (typeof v === 'string') parent[key] = pick(r, [v.toUpperCase(), `${v} `, `${v}#x`, v.slice(1), v.replace(/credentials/g, 'credential'), `https://www.w3.org/2018/credentials#${v}`]);
        else parent[key] = pick(r, STRINGS);
        break;
      case 5:
        if (typeof v === 'number') parent[key] = pick(r, [v + 1, -v, v * 1000, String(v)]);
        else parent[key] = pick(r, [0, 5, 10, -5, 1e9]);
        break;
      case 6:
        if (v && typeof v === 'object' && !Array.isArray(v)) v[pick(r, KEYS)] = randomValue(r);
        else parent[key] = { [pick(r, KEYS)]: v };
        break;
      case 7: {
        const [p2, k2] = pick(r, all);
        const t = p2[k2];
        p2[k2] = v;
        parent[key] = t;
        break;
      }
      case 8:
        // respell through an inline context: alias or vocab
        if (Array.isArray(doc['@context'])) doc['@context'] = [...doc['@context'], pick(r, [{ '@vocab': 'https://www.w3.org/2018/' }, { vu: 'https://www.w3.org/2018/credentials#validUntil' }, { t: '@type' }, { ex: 'https://example.org/' }])];
        break;
      default:
        if (!Array.isArray(parent) && typeof key === 'string') {
          parent[pick(r, KEYS)] = v;
          delete parent[key];
        }
    }
  }
  return doc;
}

/** Mutate text: byte-ish edits at random positions. */
export function mutateText(r: R, s: string): string {
  let t = s;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (t.length + 1));
    switch (Math.floor(r() * 5)) {
      case 0:
        t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 8));
        break;
      case 1:
        t = t.slice(0, at) + pick(r, ['"', '{', '}', '[', ']', ',', ':', '\\', '\u0000', 'é', '\ud83c', ' ', 'null', '1e999', '"@type"']) + t.slice(at);
        break;
      case 2:
        t = t.slice(0, at) + String.fromCharCode((t.charCodeAt(at) ^ (1 << Math.floor(r() * 7))) & 0xffff) + t.slice(at + 1);
        break;
      case 3:
        t = t.slice(0, at) + t.slice(at, at + 20) + t.slice(at);
        break;
      default:
        t = t.slice(0, at);
    }
  }
  return t;
}

/** Mutate bytes: flips, deletions, insertions, chunk duplication. */
export function mutateBytes(r: R, b: Uint8Array): Uint8Array {
  let out = new Uint8Array(b);
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * out.length);
    switch (Math.floor(r() * 4)) {
      case 0:
        out[at] = out[at]! ^ (1 << Math.floor(r() * 8));
        break;
      case 1:
        out = new Uint8Array([...out.subarray(0, at), ...out.subarray(at + 1 + Math.floor(r() * 16))]);
        break;
      case 2: {
        const ins = Uint8Array.from({ length: 1 + Math.floor(r() * 8) }, () => Math.floor(r() * 256));
        out = new Uint8Array([...out.subarray(0, at), ...ins, ...out.subarray(at)]);
        break;
      }
      default: {
        const len = Math.floor(r() * 64);
        out = new Uint8Array([...out.subarray(0, at), ...out.subarray(at, at + len), ...out.subarray(at)]);
      }
    }
  }
  return out;
}

/** The signed RDF of a credential (proof removed), or undefined if it cannot be canonicalized. */
const canonLoader = createDocumentLoader();
export async function signedRdf(doc: unknown): Promise<string | undefined> {
  if (!doc || typeof doc !== 'object') return undefined;
  const { proof: _p, ...rest } = doc as Record<string, unknown>;
  try {
    return await jsonld.canonize(rest, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: canonLoader as any, safe: false } as any);
  } catch {
    return undefined;
  }
}

export interface Seeds {
  key: KeyPair;
  signed: Record<string, any>;
  signedRdf: string;
  png: Uint8Array;
  svg: string;
  jwt: string;
  encodedList: string;
  vp: Record<string, any>;
  rule: Record<string, any>;
}

/** Build the originals every target mutates (a signed OB 3.0 credential, its baked forms, a VC-JWT, a list, a VP, a rule). */
export async function makeSeeds(): Promise<Seeds> {
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(42) });
  const { sampleCredential } = await import('../test/helpers.js');
  const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
  const jwt = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED, format: 'vc-jwt' });
  const { makePngForFuzz } = await import('./png.js');
  const png = bakePng(makePngForFuzz(), signed);
  const svg = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>', signed);
  const bits = new Uint8Array(16384);
  bits[3] = 0x80;
  const encodedList = encodeBitstring(bits);
  const vp = await bundlePresentation([signed], { holderKey: key, now: ISSUED, challenge: 'c0ffee', domain: 'verifier.example' } as any);
  const { certificateRule } = await import('../examples/stacking.js');
  const rule = structuredClone(certificateRule) as Record<string, any>;
  const srdf = await signedRdf(signed);
  if (!srdf) throw new Error('cannot canonicalize the seed credential');
  return { key, signed, signedRdf: srdf, png, svg, jwt, encodedList, vp, rule };
}

export interface TargetStats {
  target: string;
  cases: number;
  throws: number;
  /** Cases over 1 s of wall time (sensitive to a busy machine). */
  slow: number;
  /** Cases over 1 s of CPU time of this process. */
  slowCpu: number;
  maxCpuMs: number;
  wrongAccepts: number;
  accepted: number;
  maxMs: number;
  peakRssMb: number;
  examples: string[];
}

type Outcome = { threw?: unknown; verified?: boolean; doc?: unknown };
type Target = { name: string; weight: number; run: (r: R, s: Seeds) => Promise<Outcome> };

const typed = (e: unknown) => e instanceof CredstackError;
const opts = { now: NOW };

export const TARGETS: Target[] = [
  { name: 'verify-object', weight: 1, run: async (r, s) => {
    const doc = mutateObject(r, s.signed);
    const rep = await verifyCredential(doc, opts);
    return { verified: rep.verified, doc };
  } },
  { name: 'verify-string', weight: 1, run: async (r, s) => {
    const text = mutateText(r, JSON.stringify(s.signed));
    const rep = await verifyCredential(text, opts);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      doc = undefined;
    }
    return { verified: rep.verified, doc };
  } },
  { name: 'verify-bytes', weight: 1, run: async (r, s) => {
    const bytes = mutateBytes(r, r() < 0.5 ? s.png : new TextEncoder().encode(r() < 0.5 ? s.svg : s.jwt));
    const rep = await verifyCredential(bytes, opts);
    return { verified: rep.verified, doc: rep.verified ? rep.credential : undefined };
  } },
  { name: 'image-extract', weight: 1, run: async (r, s) => {
    try {
      extractCredential(r() < 0.5 ? mutateBytes(r, s.png) : mutateText(r, s.svg));
    } catch (e) {
      if (!typed(e)) return { threw: e };
    }
    return {};
  } },
  { name: 'status-decode', weight: 1, run: async (r, s) => {
    try {
      decodeBitstring(mutateText(r, s.encodedList), { maxBytes: 1 << 20 });
    } catch (e) {
      if (!typed(e)) return { threw: e };
    }
    return {};
  } },
  { name: 'verify-portfolio', weight: 1, run: async (r, s) => {
    const vp = mutateObject(r, s.vp);
    const rep = await verifyPortfolio(vp, { now: NOW, challenge: 'c0ffee', domain: 'verifier.example' });
    // a mutated inner credential that still verifies must carry the original's signed RDF
    let doc: unknown;
    const inner = Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential[0] : vp.verifiableCredential;
    if (rep.credentials?.[0]?.verified) doc = inner;
    return { verified: rep.credentials?.[0]?.verified ?? false, doc };
  } },
  { name: 'stacking', weight: 1, run: async (r, s) => {
    const rule = mutateObject(r, s.rule);
    try {
      parseStackingRule(rule);
    } catch (e) {
      if (!typed(e)) return { threw: e };
    }
    if (r() < 0.2) {
      try {
        await evaluateStack(s.rule, [mutateObject(r, s.signed)], opts);
      } catch (e) {
        if (!typed(e)) return { threw: e };
      }
    }
    return {};
  } },
];

/** CLI verify, in process (runCli), over a mutated file: a smaller count (each case writes a file). */
export function cliTarget(dir: string): Target {
  return { name: 'cli-verify', weight: 0.1, run: async (r, s) => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { Writable } = await import('node:stream');
    const { runCli } = await import('../src/cli/main.js');
    const f = join(dir, r() < 0.5 ? 'c.json' : 'c.png');
    writeFileSync(f, f.endsWith('.png') ? mutateBytes(r, s.png) : mutateText(r, JSON.stringify(s.signed)));
    const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
    const code = await runCli(['verify', f, '--now', NOW, '--json'], { stdout: sink(), stderr: sink() });
    if (code !== 0 && code !== 1 && code !== 2) return { threw: new Error(`exit code ${code}`) };
    return {};
  } };
}

const clip = (e: unknown) => {
  try {
    return e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : 'non-error thrown';
  } catch {
    return 'unprintable';
  }
};

/** Run `cases` cases of one target (or until `budgetMs` of wall time), seeded. */
export async function fuzzTarget(t: Target, seeds: Seeds, o: { cases: number; budgetMs: number; seed: number; onProgress?: (s: TargetStats) => void }): Promise<TargetStats> {
  const r = rng(o.seed ^ [...t.name].reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
  const st: TargetStats = { target: t.name, cases: 0, throws: 0, slow: 0, slowCpu: 0, maxCpuMs: 0, wrongAccepts: 0, accepted: 0, maxMs: 0, peakRssMb: 0, examples: [] };
  // one uncounted warm-up case (module loading, JIT) with its own generator
  await t.run(rng(o.seed + 1), seeds).catch(() => undefined);
  const start = performance.now();
  while (st.cases < o.cases && performance.now() - start < o.budgetMs) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let out: Outcome;
    try {
      out = await t.run(r, seeds);
    } catch (e) {
      out = { threw: e };
    }
    const ms = performance.now() - t0;
    const cu = process.cpuUsage(c0);
    const cpuMs = (cu.user + cu.system) / 1000;
    st.cases++;
    if (cpuMs > st.maxCpuMs) st.maxCpuMs = cpuMs;
    if (cpuMs > 1000) st.slowCpu++;
    if (ms > st.maxMs) st.maxMs = ms;
    if (ms > 1000) st.slow++;
    if (out.threw !== undefined) {
      st.throws++;
      if (st.examples.length < 5) st.examples.push(`throw: ${clip(out.threw)}`);
    }
    if (out.verified) {
      st.accepted++;
      const rdf = await signedRdf(out.doc);
      if (rdf !== seeds.signedRdf) {
        st.wrongAccepts++;
        if (st.examples.length < 5) st.examples.push(`wrong accept: ${JSON.stringify(out.doc)?.slice(0, 300)}`);
      }
    }
    if (st.cases % 50 === 0) {
      st.peakRssMb = Math.max(st.peakRssMb, Math.round(process.memoryUsage().rss / 1048576));
      o.onProgress?.(st);
    }
  }
  st.peakRssMb = Math.max(st.peakRssMb, Math.round(process.memoryUsage().rss / 1048576));
  return st;
}
