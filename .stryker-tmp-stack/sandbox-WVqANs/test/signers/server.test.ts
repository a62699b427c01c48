// @ts-nocheck
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, verifyCredential, type KeyPair } from '../../src/index.js';
import { plainCredential, start, type Running } from '../server/helpers.js';
import { NOW } from '../helpers.js';
import { startRemoteSigner } from './remote.js';

let s: Running;
let remote: Awaited<ReturnType<typeof startRemoteSigner>>;
let key: KeyPair;

beforeAll(async () => {
  key = await generateKeyPair({ algorithm: 'P-256', seed: new Uint8Array(32).fill(21) });
  remote = await startRemoteSigner(key);
  (globalThis as any).__credstackTestSigner = remote.signer;
  s = await start({ tenants: [{ id: 'default', signerModule: fileURLToPath(new URL('./server-signer.mjs', import.meta.url)) }, { id: 'other', signer: remote.signer }] });
});
afterAll(async () => {
  await s?.stop();
  await remote?.stop();
  delete (globalThis as any).__credstackTestSigner;
});

describe('credstack serve with an external signer', () => {
  it('a tenant configured with signerModule issues credentials and status lists through the out-of-process signer', async () => {
    const r = await s.call('POST', '/credentials/issue', { credential: plainCredential(key.controller) });
    expect(r.status).toBe(201);
    const vc = r.json.verifiableCredential;
    expect(vc.proof).toMatchObject({ cryptosuite: 'ecdsa-rdfc-2019', verificationMethod: key.id });
    expect(vc.credentialStatus.statusListCredential).toBe(`${s.url}/status/default/revocation/1`);
    const v = await s.call('POST', '/credentials/verify', { verifiableCredential: vc });
    expect(v.json.verified).toBe(true);
    const list = await s.call('GET', '/status/default/revocation/1', undefined, { token: '' });
    expect(list.status).toBe(200);
    expect(list.json.proof).toMatchObject({ cryptosuite: 'ecdsa-rdfc-2019', verificationMethod: key.id });
    expect((await verifyCredential(list.json, { now: NOW })).verified).toBe(true);
    const stats = await remote.stats();
    expect(stats.signed).toBeGreaterThanOrEqual(2);
    const jwt = await s.call('POST', '/credentials/issue', { credential: plainCredential(key.controller), options: { format: 'vc-jwt' } });
    expect(jwt.status).toBe(201);
    const env = jwt.json.verifiableCredential;
    const compact = String(typeof env === 'string' ? env : env.id).replace(/^data:[^,]*,/, '');
    expect(JSON.parse(Buffer.from(compact.split('.')[0]!, 'base64url').toString()).alg).toBe('ES256');
  });
});
