// Rule tests for verifyStackedComponents (src/stacking/verify-components.ts): each component a stacked credential names
// in VC 2.0 `relatedResource` (id + digestMultibase) is matched by id and its digest recomputed. Components here are
// compact VC-JWT-shaped strings (digested as their text) and JSON-LD objects with inline contexts, so nothing is signed
// or fetched; expected digests come from node:crypto. Area 'stacking-eval'.
import { describe, expect, it } from 'vitest';
import { verifyStackedComponents } from '../../src/stacking/verify-components.js';
import { base58btc, multihash } from './digest-oracle.js';

const b64u = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (payload: unknown) => `${b64u({ alg: 'EdDSA' })}.${b64u(payload)}.c2ln`;
const mh = (node: 'sha256' | 'sha384' | 'sha512', data: string) => multihash(node, { sha256: 0x12, sha384: 0x20, sha512: 0x13 }[node], data);
const u = (node: 'sha256' | 'sha384' | 'sha512', data: string) => `u${mh(node, data).toString('base64url')}`;
const z = (bytes: Uint8Array) => `z${base58btc(bytes)}`;

const A = jwt({ jti: 'urn:uuid:a', vc: { id: 'urn:uuid:ignored' } });
const B = jwt({ vc: { id: 'urn:uuid:b' } });
const C = jwt({ id: 'urn:uuid:c' });
const stacked = (relatedResource: unknown) => ({ id: 'urn:uuid:stacked', relatedResource });
const NONE = { id: 'digest', status: 'failed', code: 'ERR_NO_COMPONENTS_NAMED', message: 'the credential names no components (no relatedResource with a digest)' };

describe('verifyStackedComponents', () => {
  it('a credential that names no components fails with ERR_NO_COMPONENTS_NAMED', async () => {
    for (const s of [null, 'x', [A], {}, stacked([]), stacked(undefined)]) {
      expect(await verifyStackedComponents(s, [A])).toEqual({ verified: false, notSupplied: [], checks: [NONE] });
    }
  });

  it('every named component supplied and matching: verified, one passed check each (JWT id: jti, else vc.id, else id)', async () => {
    const r = await verifyStackedComponents(stacked([
      { id: 'urn:uuid:a', digestMultibase: u('sha384', A) },
      { id: 'urn:uuid:b', digestMultibase: u('sha256', B) },
      { id: 'urn:uuid:c', digestMultibase: u('sha512', C) },
    ]), [C, B, ` ${A}\n`]);
    expect(r).toEqual({ verified: true, notSupplied: [], checks: [
      { id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-384 digest matches' },
      { id: 'digest', status: 'passed', message: 'urn:uuid:b: sha2-256 digest matches' },
      { id: 'digest', status: 'passed', message: 'urn:uuid:c: sha2-512 digest matches' },
    ] });
  });

  it('a single relatedResource object counts like a list of one', async () => {
    expect(await verifyStackedComponents(stacked({ id: 'urn:uuid:a', digestMultibase: u('sha256', A) }), [A])).toEqual({ verified: true, notSupplied: [],
      checks: [{ id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-256 digest matches' }] });
  });

  it('the digest is compared as bytes: a z (base58btc) digestMultibase matches too', async () => {
    expect((await verifyStackedComponents(stacked([{ id: 'urn:uuid:a', digestMultibase: z(mh('sha256', A)) }]), [A])).checks)
      .toEqual([{ id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-256 digest matches' }]);
  });

  it('an altered or swapped component fails with ERR_COMPONENT_DIGEST_MISMATCH, naming both digests', async () => {
    const other = jwt({ jti: 'urn:uuid:a', vc: { credentialSubject: { grade: 'changed' } } });
    const want = u('sha384', A);
    const r = await verifyStackedComponents(stacked([{ id: 'urn:uuid:a', digestMultibase: want }]), [other]);
    expect(r).toEqual({ verified: false, notSupplied: [], checks: [{ id: 'digest', status: 'failed', code: 'ERR_COMPONENT_DIGEST_MISMATCH',
      message: `urn:uuid:a: the supplied component differs from the one the stacked credential names (sha2-384 digest ${u('sha384', other)} ≠ ${want})` }] });
    // a digest that differs in its last byte only
    const last = mh('sha256', A);
    last[last.length - 1] = last[last.length - 1]! ^ 1;
    expect((await verifyStackedComponents(stacked([{ id: 'urn:uuid:a', digestMultibase: `u${last.toString('base64url')}` }]), [A])).checks[0]!.code).toBe('ERR_COMPONENT_DIGEST_MISMATCH');
  });

  it('several supplied components with the named id: one that matches is enough', async () => {
    const other = jwt({ jti: 'urn:uuid:a', n: 2 });
    const rr = stacked([{ id: 'urn:uuid:a', digestMultibase: u('sha256', A) }]);
    expect((await verifyStackedComponents(rr, [other, A])).checks).toEqual([{ id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-256 digest matches' }]);
    expect((await verifyStackedComponents(rr, [A, other])).checks).toEqual([{ id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-256 digest matches' }]);
  });

  it('an entry without an id fails with ERR_RELATED_RESOURCE_INVALID; the others are still checked', async () => {
    const bad = { id: 'digest', status: 'failed', code: 'ERR_RELATED_RESOURCE_INVALID', message: 'a relatedResource entry has no id' };
    const r = await verifyStackedComponents(stacked(['urn:uuid:a', { digestMultibase: u('sha256', A) }, { id: '' }, { id: 7 }, { id: 'urn:uuid:a', digestMultibase: u('sha256', A) }]), [A]);
    expect(r).toEqual({ verified: false, notSupplied: [], checks: [bad, bad, bad, bad, { id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-256 digest matches' }] });
  });

  it('a missing or unsupported digest fails with ERR_DIGEST_UNSUPPORTED', async () => {
    const r = await verifyStackedComponents(stacked([{ id: 'urn:uuid:a' }, { id: 'urn:uuid:b', digestMultibase: `m${mh('sha256', B).toString('base64')}` }]), [A, B]);
    expect(r).toEqual({ verified: false, notSupplied: [], checks: [
      { id: 'digest', status: 'failed', code: 'ERR_DIGEST_UNSUPPORTED', message: 'urn:uuid:a: digestMultibase missing or not a multibase sha2-256/384/512 multihash' },
      { id: 'digest', status: 'failed', code: 'ERR_DIGEST_UNSUPPORTED', message: 'urn:uuid:b: digestMultibase missing or not a multibase sha2-256/384/512 multihash' },
    ] });
  });

  it('a named component not supplied is skipped and listed; the result is not verified', async () => {
    const rr = stacked([{ id: 'urn:uuid:a', digestMultibase: u('sha256', A) }, { id: 'urn:uuid:b', digestMultibase: u('sha256', B) }]);
    const skipB = { id: 'digest', status: 'skipped', code: 'SKIP_COMPONENT_NOT_SUPPLIED', message: 'urn:uuid:b: component not supplied, digest not checked' };
    expect(await verifyStackedComponents(rr, [A])).toEqual({ verified: false, notSupplied: ['urn:uuid:b'], checks: [
      { id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-256 digest matches' }, skipB] });
    expect(await verifyStackedComponents(rr, 'not a list' as unknown as unknown[])).toEqual({ verified: false, notSupplied: ['urn:uuid:a', 'urn:uuid:b'], checks: [
      { id: 'digest', status: 'skipped', code: 'SKIP_COMPONENT_NOT_SUPPLIED', message: 'urn:uuid:a: component not supplied, digest not checked' }, skipB] });
  });

  it('a supplied component the credential does not name is a warning, not a failure', async () => {
    const rr = stacked([{ id: 'urn:uuid:a', digestMultibase: u('sha256', A) }]);
    const r = await verifyStackedComponents(rr, [A, B, 'no-dots', 'a.!!!.c', jwt(['x']), jwt({ jti: 5 }), jwt({ vc: { id: 5 } }), 42]);
    expect(r.verified).toBe(true);
    expect(r.checks).toEqual([
      { id: 'digest', status: 'passed', message: 'urn:uuid:a: sha2-256 digest matches' },
      { id: 'digest', status: 'warning', code: 'WARN_COMPONENT_NOT_NAMED', message: 'urn:uuid:b is not named by the stacked credential' },
      ...Array.from({ length: 6 }, () => ({ id: 'digest', status: 'warning', code: 'WARN_COMPONENT_NOT_NAMED', message: 'a component without id is not named by the stacked credential' })),
    ]);
  });

  describe('JSON-LD components (RDFC-1.0 N-Quads)', () => {
    const ctx = { '@vocab': 'https://example.org/v#' };
    const doc = { '@context': ctx, id: 'urn:x', name: 'A' };
    // the inline context does not alias "id" to "@id": it is a plain property, the node a blank node (_:c14n0)
    const nquads = '_:c14n0 <https://example.org/v#id> "urn:x" .\n_:c14n0 <https://example.org/v#name> "A" .\n';

    it('matched by its `id`, digested over the canonical N-Quads', async () => {
      const r = await verifyStackedComponents(stacked([{ id: 'urn:x', digestMultibase: u('sha384', nquads) }]), [{ name: 'A', id: 'urn:x', '@context': ctx }]);
      expect(r).toEqual({ verified: true, notSupplied: [], checks: [{ id: 'digest', status: 'passed', message: 'urn:x: sha2-384 digest matches' }] });
    });

    it('a component that cannot be canonicalised fails with ERR_COMPONENT_CANONICALIZE', async () => {
      const broken = { '@context': { name: 'https://example.org/name' }, id: 'urn:y', name: 'A', undefinedTerm: 1 };
      const r = await verifyStackedComponents(stacked([{ id: 'urn:y', digestMultibase: u('sha384', nquads) }]), [broken]);
      expect(r.verified).toBe(false);
      expect(r.checks).toHaveLength(1);
      expect(r.checks[0]).toMatchObject({ id: 'digest', status: 'failed', code: 'ERR_COMPONENT_CANONICALIZE' });
      expect(r.checks[0]!.message.startsWith('urn:y: the component cannot be canonicalised: ')).toBe(true);
    });

    it('extra contexts come from `documents`', async () => {
      const url = 'https://example.org/ctx/v1';
      const remote = { '@context': url, id: 'urn:x', name: 'A' };
      const rr = stacked([{ id: 'urn:x', digestMultibase: u('sha256', nquads) }]);
      expect((await verifyStackedComponents(rr, [remote], { documents: { [url]: { '@context': ctx } } })).verified).toBe(true);
      expect((await verifyStackedComponents(rr, [remote])).checks[0]!.code).toBe('ERR_COMPONENT_CANONICALIZE');
    });

    it('an object component without a string id is not matched', async () => {
      const r = await verifyStackedComponents(stacked([{ id: 'urn:x', digestMultibase: u('sha256', nquads) }]), [{ ...doc, id: 5 }]);
      expect(r.notSupplied).toEqual(['urn:x']);
      expect(r.checks[1]).toEqual({ id: 'digest', status: 'warning', code: 'WARN_COMPONENT_NOT_NAMED', message: 'a component without id is not named by the stacked credential' });
    });
  });
});
