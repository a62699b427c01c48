// @ts-nocheck
// The built `credstack/verify` (dist/verify.js, ESM with code splitting) loads the proof suites most credentials do
// not need on first use (src/proofs/load.ts): the ECDSA suites, the P-256/P-384 key module (@noble/curves), and the
// eddsa-jcs-2022 / Ed25519Signature2020 / jsonld-signatures suites. With one of those chunks gone (a static host that
// did not upload it, a failed request), the proofs it serves fail with a code — never pass — and an eddsa-rdfc-2022
// credential (credstack's own proof layer, in the first download) still verifies.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, issueCredential } from '../../src/index.js';
import { ensureBuilt } from '../build.js';
import { copyDist, lazyImports } from './dist-chunks.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const root = join(import.meta.dirname, '..', '..');
let dir: string;
let chunks: ReturnType<typeof lazyChunks>;

/** The chunks dist/verify.js (and the files it imports statically) loads through import(), by what each exports. */
function lazyChunks(dist: string): { ecdsaSuites: string; ecdsaKeys: string; eddsaSuites: string } {
  const lazy = lazyImports(dist);
  const exporting = (name: string) => {
    const hits = lazy.filter((f) => new RegExp(`export\\s*\\{[^}]*\\b${name}\\b`).test(readFileSync(join(dist, f), 'utf8')));
    expect(hits).toHaveLength(1);
    return hits[0]!;
  };
  const ecdsaKeys = lazy.filter((f) => /export\s*\{[^}]*\bdecodeEcdsaPublicKeyMultibase\b/.test(readFileSync(join(dist, f), 'utf8')) && !/createEcdsaVerifyingSuite/.test(readFileSync(join(dist, f), 'utf8')));
  expect(ecdsaKeys).toHaveLength(1);
  return { ecdsaSuites: exporting('createEcdsaVerifyingSuite'), ecdsaKeys: ecdsaKeys[0]!, eddsaSuites: exporting('createEd2020VerifyingSuite') };
}

beforeAll(async () => {
  await ensureBuilt();
  dir = copyDist(root, 'verify-proof-chunks-');
  chunks = lazyChunks(join(dir, 'dist'));
  const ed = await seededKey(12);
  const p256 = await generateKeyPair({ algorithm: 'P-256', seed: Uint8Array.from({ length: 32 }, (_, i) => i + 7) });
  const creds = {
    rdfc: await issueCredential(sampleCredential(ed.controller), { key: ed, now: ISSUED }),
    jcs: await issueCredential(sampleCredential(ed.controller), { key: ed, now: ISSUED, format: 'eddsa-jcs-2022' }),
    ecdsa: await issueCredential(sampleCredential(p256.controller), { key: p256, now: ISSUED, format: 'ecdsa-rdfc-2019' }),
  };
  writeFileSync(join(dir, 'creds.json'), JSON.stringify(creds));
  writeFileSync(join(dir, 'run.js'), `
import { readFileSync } from 'node:fs';
import { verifyCredential } from './dist/verify.js';
const creds = JSON.parse(readFileSync(new URL('./creds.json', import.meta.url), 'utf8'));
const out = {};
for (const [name, cred] of Object.entries(creds)) {
  const r = await verifyCredential(cred, { now: ${JSON.stringify(NOW)} });
  out[name] = { verified: r.verified, proof: r.checks.filter((c) => c.id === 'proof').map((c) => c.status + (c.code ? ':' + c.code : '')) };
}
console.log(JSON.stringify(out));
`);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = () => JSON.parse(execFileSync(process.execPath, [join(dir, 'run.js')], { encoding: 'utf8' }));
const ok = { verified: true, proof: ['passed'] };

describe('dist/verify.js and its proof chunks', () => {
  it('with every chunk: eddsa-rdfc-2022, eddsa-jcs-2022 and ecdsa-rdfc-2019 (P-256) verify', () => {
    expect(run()).toEqual({ rdfc: ok, jcs: ok, ecdsa: ok });
  });

  it('without the eddsa suites chunk: the eddsa-jcs-2022 proof fails ERR_PROOF_SUITE_UNAVAILABLE; the others verify', () => {
    rmSync(join(dir, 'dist', chunks.eddsaSuites));
    expect(run()).toEqual({ rdfc: ok, jcs: { verified: false, proof: ['failed:ERR_PROOF_SUITE_UNAVAILABLE'] }, ecdsa: ok });
  });

  it('without the ECDSA suites chunk as well: the ecdsa-rdfc-2019 proof fails ERR_PROOF_SUITE_UNAVAILABLE', () => {
    rmSync(join(dir, 'dist', chunks.ecdsaSuites));
    expect(run()).toMatchObject({ rdfc: ok, ecdsa: { verified: false, proof: ['failed:ERR_PROOF_SUITE_UNAVAILABLE'] } });
  });

  it('without the P-256/P-384 key chunk: the did:key is not resolved, the ECDSA proof fails ERR_KEY_UNAVAILABLE', () => {
    rmSync(join(dir, 'dist', chunks.ecdsaKeys));
    expect(run()).toMatchObject({ rdfc: ok, ecdsa: { verified: false, proof: ['failed:ERR_KEY_UNAVAILABLE'] } });
  });
});
