// @ts-nocheck
// A stand-in for a remote signer (cloud KMS / HSM): runs in its own process, holds the key, answers sign requests over
// IPC. Test-only. Behaviour via argv: KEY_JSON (Multikey with secret) [FAIL_AT] — the FAIL_AT-th request (1-based)
// answers with a transient error once.
import { p256 } from '@noble/curves/nist.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { Buffer } from 'node:buffer';
import { base58 } from '@scure/base';

const [, , keyJson, failAtArg] = process.argv;
const key = JSON.parse(keyJson);
const secret = base58.decode(key.secretKeyMultibase.slice(1)).slice(2);
const isP256 = key.publicKeyMultibase.startsWith('zDn');
const failAt = failAtArg ? Number(failAtArg) : 0;
let requests = 0;
let signed = 0;

process.on('message', (m) => {
  if (m.type === 'stats') return process.send({ id: m.id, stats: { requests, signed } });
  if (m.type !== 'sign') return;
  requests++;
  if (requests === failAt) return process.send({ id: m.id, error: 'ThrottlingException: rate exceeded (transient)' });
  const data = Buffer.from(m.data, 'base64');
  const sig = isP256 ? p256.sign(data, secret, { prehash: true, lowS: false }) : ed25519.sign(data, secret);
  signed++;
  process.send({ id: m.id, signature: Buffer.from(sig).toString('base64') });
});
process.send({ ready: true });
