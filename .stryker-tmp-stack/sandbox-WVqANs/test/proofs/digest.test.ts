// @ts-nocheck
// The RDFC-1.0 message digest canonicalization uses on Node (src/util/node-crypto.ts): the pieces joined and hashed
// once give the digest rdf-canonize's own incremental SHA-256 gives; canonical N-Quads are the same either way.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as rdfCanonize from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import { sha256HexDigestFactory, setNodeCryptoDisabled } from '../../src/util/node-crypto.js';

describe('one-shot SHA-256 digest for rdf-canonize', () => {
  it('equals the incremental digest on the pieces rdf-canonize hashes', () => {
    const make = sha256HexDigestFactory()!;
    expect(make).toBeTypeOf('function');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('s', 'o', 'g', '_:c14n0', '<https://x.example/p>', ' .\n'))), (pieces) => {
        const a = make();
        const b = createHash('sha256');
        for (const p of pieces) {
          a.update(p);
          b.update(p, 'utf8');
        }
        expect(a.digest()).toBe(b.digest('hex'));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('canonicalizes a dataset with indistinguishable blank nodes as rdf-canonize does by itself', async () => {
    const nq = ['_:a <https://x.example/p> _:b .', '_:b <https://x.example/p> _:c .', '_:c <https://x.example/p> _:a .', '_:d <https://x.example/q> "é ✓ 𝄞" .'].join('\n') + '\n';
    const own = await rdfCanonize.canonize(nq, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', maxWorkFactor: 3 });
    const fast = await rdfCanonize.canonize(nq, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', maxWorkFactor: 3, createMessageDigest: sha256HexDigestFactory() } as any);
    expect(fast).toBe(own);
    expect(fast).toContain('_:c14n3');
  });

  it('is absent without node:crypto', () => {
    setNodeCryptoDisabled(true);
    try {
      expect(sha256HexDigestFactory()).toBeUndefined();
    } finally {
      setNodeCryptoDisabled(false);
    }
  });
});
