// @ts-nocheck
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidWebDocument, generateKeyPair, importKeyPair, issueCredential, rotateDidWebDocument, verifyCredential } from '../../src/index.js';
import { cliInProcess } from '../cli/in-process.js';
import { ISSUED, NOW, sampleCredential } from '../helpers.js';

const DID = 'did:web:uni.example';
const check = (r: any, id: string) => r.checks.find((c: any) => c.id === id);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credstack-rotation-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('key rotation on a did:web document', () => {
  it('old credentials verify while the old key is listed; new ones use the new key; retiring the old key fails them with a clear code', async () => {
    const k1 = await generateKeyPair({ controller: DID, id: `${DID}#key-1`, seed: new Uint8Array(32).fill(4) });
    const doc1 = createDidWebDocument(DID, [k1]);
    const old = await issueCredential(sampleCredential(DID), { key: k1, now: ISSUED });
    const k2 = await generateKeyPair({ controller: DID, id: `${DID}#key-2`, algorithm: 'P-256', seed: new Uint8Array(32).fill(4) });
    const doc2 = rotateDidWebDocument(doc1, k2);
    expect(doc1.verificationMethod!.length).toBe(1); // input untouched
    expect(doc2.verificationMethod!.map((m) => m.id)).toEqual([k2.id, k1.id]);
    expect(doc2.assertionMethod).toEqual([k2.id, k1.id]);
    expect(JSON.stringify(doc2)).not.toMatch(/secret/i);
    const fresh = await issueCredential(sampleCredential(DID), { key: k2, now: NOW });
    for (const c of [old, fresh]) {
      const r = await verifyCredential(c, { now: NOW, documents: { [DID]: doc2 } });
      expect(r.verified).toBe(true);
    }
    const doc3 = rotateDidWebDocument(doc2, await generateKeyPair({ controller: DID, id: `${DID}#key-3` }), { retire: [k1.id] });
    expect(doc3.verificationMethod!.map((m) => m.id)).toEqual([`${DID}#key-3`, k2.id]);
    const gone = await verifyCredential(old, { now: NOW, documents: { [DID]: doc3 } });
    expect(check(gone, 'proof')?.code).toBe('ERR_VERIFICATION_METHOD_NOT_FOUND');
    expect(gone.verified).toBe(false);
    expect((await verifyCredential(fresh, { now: NOW, documents: { [DID]: doc3 } })).verified).toBe(true);
    // kept in verificationMethod but dropped from assertionMethod: not authorized for credentials
    const demoted = { ...doc2, assertionMethod: [k2.id] };
    expect(check(await verifyCredential(old, { now: NOW, documents: { [DID]: demoted } }), 'proof')?.code).toBe('ERR_PROOF_KEY_NOT_AUTHORIZED');
    expect(() => rotateDidWebDocument(doc2, k2)).toThrow(expect.objectContaining({ code: 'ERR_KEY_ID_TAKEN' }));
    const k9 = await generateKeyPair({ controller: DID, id: `${DID}#key-9` });
    expect(() => rotateDidWebDocument(doc2, k9, { retire: [`${DID}#nope`] })).toThrow(expect.objectContaining({ code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' }));
  });

  it('credstack keygen --rotate writes the new key (0600) and the updated did.json atomically; secrets only in the key file', async () => {
    const keyFile = join(dir, 'k1.json');
    const didFile = join(dir, 'did.json');
    let r = await cliInProcess(['keygen', '--out', keyFile, '--did-web', DID, '--did-document', didFile]);
    expect(r.code).toBe(0);
    const k1 = importKeyPair(JSON.parse(readFileSync(keyFile, 'utf8')));
    const old = await issueCredential(sampleCredential(DID), { key: k1, now: ISSUED });
    r = await cliInProcess(['keygen', '--rotate', didFile, '--out', join(dir, 'k2.json'), '--algorithm', 'P-256', '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.keyId).toBe(`${DID}#key-2`);
    expect(info.keys).toEqual([`${DID}#key-2`, `${DID}#key-1`]);
    expect(r.stdout + r.stderr).not.toMatch(/secretKeyMultibase|z42/);
    expect(statSync(join(dir, 'k2.json')).mode & 0o777).toBe(0o600);
    const doc = JSON.parse(readFileSync(didFile, 'utf8'));
    expect(JSON.stringify(doc)).not.toMatch(/secret/i);
    expect(doc.assertionMethod).toEqual([`${DID}#key-2`, `${DID}#key-1`]);
    const k2 = importKeyPair(JSON.parse(readFileSync(join(dir, 'k2.json'), 'utf8')));
    expect(k2.publicKeyMultibase.startsWith('zDn')).toBe(true);
    const fresh = await issueCredential(sampleCredential(DID), { key: k2, now: NOW });
    expect(fresh.proof.cryptosuite).toBe('ecdsa-rdfc-2019');
    for (const c of [old, fresh]) expect((await verifyCredential(c, { now: NOW, documents: { [DID]: doc } })).verified).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    r = await cliInProcess(['keygen', '--rotate', didFile, '--out', join(dir, 'k3.json'), '--retire', `${DID}#key-1`]);
    expect(r.code).toBe(0);
    const doc3 = JSON.parse(readFileSync(didFile, 'utf8'));
    expect(doc3.verificationMethod.map((m: any) => m.id)).toEqual([`${DID}#key-3`, `${DID}#key-2`]);
    expect(check(await verifyCredential(old, { now: NOW, documents: { [DID]: doc3 } }), 'proof')?.code).toBe('ERR_VERIFICATION_METHOD_NOT_FOUND');
    // refusing leaves both files as they were
    const before = readFileSync(didFile, 'utf8');
    writeFileSync(join(dir, 'exists.json'), '{}');
    r = await cliInProcess(['keygen', '--rotate', didFile, '--out', join(dir, 'exists.json')]);
    expect(r.code).not.toBe(0);
    expect(readFileSync(didFile, 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'exists.json'), 'utf8')).toBe('{}');
  });
});
