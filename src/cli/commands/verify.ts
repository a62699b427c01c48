import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { detectImageType, extractCredential } from '../../baking/extract.js';
import type { VerificationReport } from '../../verify/report.js';
import type { VerifyOptions } from '../../verify/options.js';
import { CliError, EXIT, assertExists, isDirectory, loadDocuments, parseNow, println, readBytes, readJson, type Command, type Io } from '../util.js';

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const EXTS = new Set(['.json', '.jsonld', '.jwt', '.jws', '.jsonl', '.png', '.svg']);

/** One verified thing: where it came from and its report. */
interface Outcome {
  source: string;
  kind: 'credential' | 'portfolio' | 'image' | 'error';
  verified: boolean;
  name?: string;
  issuer?: string;
  failed: { id: string; code?: string; message: string }[];
  warnings: number;
  /** Checks that could not run offline (e.g. status without the list). */
  skipped: string[];
  report?: unknown;
}

async function* expand(paths: string[]): AsyncGenerator<string> {
  for (const p of paths) {
    if (p !== '-' && !JWS.test(p) && (await isDirectory(p))) {
      const entries = (await readdir(p, { recursive: true })).map(String).sort();
      for (const e of entries) if (EXTS.has(extname(e).toLowerCase()) && !e.split(/[\\/]/).some((s) => s.startsWith('.'))) yield join(p, e);
    } else yield p;
  }
}

function describe(source: string, kind: Outcome['kind'], report: VerificationReport, credential?: unknown): Outcome {
  const c = (report.credential ?? credential) as Record<string, any> | undefined;
  const issuer = c && typeof c === 'object' ? (typeof c.issuer === 'string' ? c.issuer : c.issuer?.id) : undefined;
  return {
    source,
    kind,
    verified: report.verified,
    ...(c && typeof c === 'object' && typeof c.name === 'string' ? { name: c.name } : {}),
    ...(typeof issuer === 'string' ? { issuer } : {}),
    failed: report.checks.filter((x) => x.status === 'failed').map((x) => ({ id: x.id, ...(x.code ? { code: x.code } : {}), message: x.message })),
    warnings: report.warnings?.length ?? report.checks.filter((x) => x.status === 'warning').length,
    skipped: report.checks.filter((x) => x.status === 'skipped').map((x) => x.id),
  };
}

async function verifyOne(source: string, input: unknown, opts: VerifyOptions, kind: Outcome['kind'], withReport: boolean): Promise<Outcome> {
  // loaded on first use, so that `credstack --help` does not load the JSON-LD stack
  const [{ portfolioKind }, { verifyPortfolio }, { verifyCredential }] = await Promise.all([
    import('../../portfolio/common.js'), import('../../portfolio/verify-portfolio.js'), import('../../verify/verify.js'),
  ]);
  if (input && typeof input === 'object' && portfolioKind(input) !== 'unknown') {
    const pr = await verifyPortfolio(input, opts);
    const failed = [
      ...pr.envelope.checks.filter((x) => x.status === 'failed').map((x) => ({ id: x.id, ...(x.code ? { code: x.code } : {}), message: x.message })),
      ...pr.summary.failed.map((f) => ({ id: `credential[${f.index}]`, message: f.reasons.map((r) => `${r.id}: ${r.code ?? ''} ${r.message}`).join('; ') })),
    ];
    const env = input as Record<string, any>;
    return {
      source,
      kind: 'portfolio',
      verified: pr.verified,
      name: `${pr.kind === 'clr' ? 'CLR' : 'presentation'} with ${pr.summary.verified}/${pr.summary.total} credentials verified`,
      ...(typeof env.issuer === 'string' || typeof env.issuer?.id === 'string' ? { issuer: env.issuer?.id ?? env.issuer } : typeof env.holder === 'string' ? { issuer: env.holder } : {}),
      failed,
      warnings: pr.envelope.warnings.length,
      skipped: [],
      ...(withReport ? { report: pr } : {}),
    };
  }
  const report = await verifyCredential(input as object | string, opts);
  const o = describe(source, kind, report, input);
  if (withReport) o.report = report;
  return o;
}

async function* outcomes(source: string, opts: VerifyOptions, withReport: boolean): AsyncGenerator<Outcome> {
  const fail = (message: string): Outcome => ({ source, kind: 'error', verified: false, failed: [{ id: 'input', message }], warnings: 0, skipped: [] });
  if (JWS.test(source)) {
    yield await verifyOne('(JWT argument)', source, opts, 'credential', withReport);
    return;
  }
  const ext = extname(source).toLowerCase();
  if (ext === '.jsonl') {
    let n = 0;
    const rl = createInterface({ input: createReadStream(source), crlfDelay: Infinity });
    try {
      for await (const line of rl) {
        n++;
        if (!line.trim()) continue;
        let rec: any;
        try {
          rec = JSON.parse(line);
        } catch {
          yield { ...fail('not valid JSON'), source: `${source}:${n}` };
          continue;
        }
        const cred = rec && typeof rec === 'object' && 'credential' in rec && !('proof' in rec) ? rec.credential : rec;
        yield await verifyOne(`${source}:${n}${rec?.key ? ` (${rec.key})` : ''}`, cred, opts, 'credential', withReport);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`file not found: ${source}`, { hint: 'check the path' });
      throw err;
    }
    return;
  }
  const bytes = source === '-' ? new Uint8Array(await new Response(process.stdin as any).arrayBuffer()) : await readBytes(source, 'file');
  const image = detectImageType(bytes);
  if (image) {
    let extracted;
    try {
      extracted = extractCredential(bytes);
    } catch (err) {
      yield fail(`no credential in this ${image.toUpperCase()}: ${(err as Error).message}`);
      return;
    }
    yield await verifyOne(source, extracted.credential, opts, 'image', withReport);
    return;
  }
  const text = new TextDecoder().decode(bytes).trim();
  if (JWS.test(text)) {
    yield await verifyOne(source, text, opts, 'credential', withReport);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    yield fail('neither JSON, a JWT, nor a baked PNG/SVG');
    return;
  }
  yield await verifyOne(source, json, opts, 'credential', withReport);
}

function printHuman(io: Io, o: Outcome, quiet: boolean): void {
  if (o.verified) {
    if (!quiet) println(io.stdout, `ok    ${o.source}${o.name ? `  "${o.name}"` : ''}${o.issuer ? `  issuer ${o.issuer}` : ''}${o.warnings ? `  (${o.warnings} warning${o.warnings > 1 ? 's' : ''})` : ''}${o.skipped.length ? `  (not checked offline: ${o.skipped.join(', ')})` : ''}`);
    return;
  }
  println(io.stdout, `FAIL  ${o.source}${o.name ? `  "${o.name}"` : ''}`);
  for (const f of o.failed) println(io.stdout, `        ${f.id}: ${f.code ? `${f.code} ` : ''}${f.message}`);
}

/** `credstack verify`: verify credential files, JWTs, baked images, cohorts (JSONL) and portfolios offline. */
export const verify: Command = {
  name: 'verify',
  summary: 'verify credentials offline: JSON files, JWTs, baked PNG/SVG, JSONL cohorts, portfolios, folders',
  usage: ['credstack verify PATH|JWT|- ... [--json] [--now DATE] [--document FILE ...] [--trusted-issuer DID ...]'],
  description:
    'Checks proofs, dates, issuer ↔ key, status (with --document for status lists) and schema, without the network.\n' +
    'Folders are searched for .json .jwt .jsonl .png .svg. Exit 0 only when everything verified, 1 otherwise, 2 on bad input.',
  options: {
    json: { type: 'boolean' },
    now: { type: 'string' },
    document: { type: 'string', multiple: true, short: 'd' },
    'trusted-issuer': { type: 'string', multiple: true },
    registry: { type: 'string', multiple: true },
    coordinator: { type: 'string', multiple: true },
    'strict-schema': { type: 'boolean' },
    challenge: { type: 'string' },
    domain: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  },
  optionHelp: [
    '    --json              machine-readable: an array of { source, verified, failed, report }',
    '    --now DATE          verify as of this date',
    '-d, --document FILE     offline copy of a DID document / status list credential / context (repeatable)',
    '    --trusted-issuer DID  fail credentials from any other issuer (repeatable)',
    '    --registry FILE     a signed network registry (credstack network create); the issuer must be a member',
    '    --coordinator DID   the network coordinator you trust to sign that registry (one per --registry)',
    '    --strict-schema     schema problems fail instead of warn',
    '    --challenge C, --domain D  expected values in a presentation proof',
    '-q, --quiet             print only failures and the total',
  ],
  examples: ['credstack verify badge.json cohort.jsonl baked.png', 'credstack verify credentials/ --json > report.json'],
  async run(v, positionals, io) {
    if (!positionals.length) throw new CliError('nothing to verify', { hint: 'credstack verify badge.json (or a folder, a .jsonl cohort, a baked .png, - for stdin)' });
    const opts: VerifyOptions = {};
    const now = parseNow(v.now);
    if (now) opts.now = now;
    const documents = await loadDocuments(v.document);
    if (Object.keys(documents).length) opts.documents = documents;
    if (v['trusted-issuer']) opts.trustedIssuers = v['trusted-issuer'];
    if (v.registry || v.coordinator) {
      const files: string[] = v.registry ?? [];
      const coordinators: string[] = v.coordinator ?? [];
      if (files.length !== coordinators.length) throw new CliError('give one --coordinator DID for each --registry FILE', { hint: 'credstack verify badge.json --registry net.json --coordinator did:web:coordinator.example' });
      opts.registries = await Promise.all(files.map(async (f, i) => ({ registry: await readJson(f, 'network registry'), coordinator: coordinators[i]! })));
    }
    if (v['strict-schema']) opts.strictSchema = true;
    if (v.challenge !== undefined) opts.challenge = v.challenge;
    if (v.domain !== undefined) opts.domain = v.domain;
    for (const p of positionals) {
      if (p !== '-' && !JWS.test(p)) await assertExists(p);
    }
    let ok = 0;
    let failed = 0;
    const all: Outcome[] = [];
    for await (const source of expand(positionals)) {
      for await (const o of outcomes(source, opts, Boolean(v.json))) {
        if (o.verified) ok++;
        else failed++;
        if (v.json) all.push(o);
        else printHuman(io, o, Boolean(v.quiet));
      }
    }
    if (v.json) println(io.stdout, JSON.stringify(all, null, 2));
    else println(io.stdout, `${ok} verified, ${failed} failed`);
    if (ok + failed === 0) {
      println(io.stderr, 'credstack: error: no credentials found');
      println(io.stderr, 'hint: folders are searched for .json .jwt .jsonl .png .svg files');
      return EXIT.USAGE;
    }
    return failed ? EXIT.FAILED : EXIT.OK;
  },
};
