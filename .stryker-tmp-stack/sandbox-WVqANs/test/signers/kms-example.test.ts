// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { derToP1363, awsKmsSigner } from '../../examples/kms-signer.js';
import { generateKeyPair, issueCredential, SignerError, verifyCredential } from '../../src/index.js';
import { ISSUED, NOW, sampleCredential } from '../helpers.js';

describe('examples/kms-signer.ts (no cloud: a fake KMS client returning DER like AWS KMS)', () => {
  it('derToP1363 turns DER ECDSA into r‖s; the AWS-shaped signer issues verifiable credentials; AccessDenied is not transient', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: new Uint8Array(32).fill(33) });
    const { base58 } = await import('@scure/base');
    const secret = base58.decode(key.secretKeyMultibase!.slice(1)).slice(2);
    const msg = new TextEncoder().encode('hello');
    const compact = p256.sign(msg, secret, { lowS: false });
    const der = p256.Signature.fromBytes(compact, 'compact').toBytes('der');
    expect(der[0]).toBe(0x30);
    expect(Buffer.from(derToP1363(der)).toString('hex')).toBe(Buffer.from(compact).toString('hex'));
    class SignCommand {
      constructor(readonly input: any) {}
    }
    let denied = false;
    const kms = {
      async send(cmd: any) {
        if (denied) throw Object.assign(new Error('no'), { name: 'AccessDeniedException' });
        expect(cmd.input).toMatchObject({ KeyId: 'arn:aws:kms:eu-west-1:111122223333:key/demo', MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' });
        const sig = p256.sign(cmd.input.Message, secret, { lowS: false });
        return { Signature: p256.Signature.fromBytes(sig, 'compact').toBytes('der') };
      },
    };
    const signer = awsKmsSigner(kms, SignCommand, 'arn:aws:kms:eu-west-1:111122223333:key/demo', key.id);
    const signed = await issueCredential(sampleCredential(key.controller), { signer, now: ISSUED });
    expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
    denied = true;
    const err = await issueCredential(sampleCredential(key.controller), { signer, now: ISSUED }).catch((e) => e);
    expect(err).toBeInstanceOf(SignerError);
    expect(err.code).toBe('ERR_SIGNER_FAILED');
    expect(err.details.transient).toBe(false);
  });
});
