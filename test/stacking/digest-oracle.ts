// The expected digests of the stacking rule tests, computed independently of src/stacking/digest.ts: a sha2 multihash
// from node:crypto (<code, length, digest>, multiformats' table: sha2-256 0x12, sha2-384 0x20, sha2-512 0x13) and a
// hand-written base58btc (the Bitcoin alphabet; each leading zero byte is a '1').
import { createHash } from 'node:crypto';

/** The multihash of `data` under node:crypto's hash `node` with multicodec `code`. */
export const multihash = (node: string, code: number, data: Uint8Array | string): Buffer => {
  const d = createHash(node).update(data).digest();
  return Buffer.concat([Buffer.from([code, d.length]), d]);
};

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** base58btc of `bytes`, without the multibase prefix. */
export function base58btc(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)]! + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}
