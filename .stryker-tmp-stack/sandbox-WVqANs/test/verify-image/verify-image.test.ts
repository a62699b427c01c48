// @ts-nocheck
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bakePng, bakeSvg } from '../../src/baking/index.js';
import { issueCredential, verifyCredential, type KeyPair } from '../../src/index.js';
import { NOW, sampleCredential, seededKey } from '../helpers.js';

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/baking/${name}`, import.meta.url)));
const fixtureText = (name: string) => readFileSync(new URL(`../fixtures/baking/${name}`, import.meta.url), 'utf8');
const failed = (r: { checks: Array<{ id: string; status: string; code?: string }> }) => r.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}:${c.code}`);

let key: KeyPair;
let signed: Record<string, any>;
let jwt: string;
let png: Uint8Array;
let svg: string;

beforeAll(async () => {
  key = await seededKey(11);
  signed = await issueCredential(sampleCredential(key.controller), { key, now: NOW });
  jwt = await issueCredential(sampleCredential(key.controller), { key, format: 'vc-jwt', now: NOW });
  png = fixtureBytes('badge.png');
  svg = fixtureText('badge.svg');
});

describe('verifyCredential accepts baked badge images', () => {
  it('PNG with a signed JSON credential → verified, source png, credential as baked', async () => {
    const r = await verifyCredential(bakePng(png, signed), { now: NOW });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.source?.format).toBe('png');
    expect(r.credential).toEqual(signed);
  });

  it('PNG given as an ArrayBuffer works too', async () => {
    const baked = bakePng(png, signed);
    const ab = baked.buffer.slice(baked.byteOffset, baked.byteOffset + baked.byteLength) as ArrayBuffer;
    expect((await verifyCredential(ab, { now: NOW })).source?.format).toBe('png');
  });

  it('SVG with a signed JSON credential, as text and as bytes → verified, source svg', async () => {
    const baked = bakeSvg(svg, signed);
    for (const input of [baked, new TextEncoder().encode(baked)]) {
      const r = await verifyCredential(input, { now: NOW });
      expect(failed(r)).toEqual([]);
      expect(r.source?.format).toBe('svg');
      expect(r.credential?.id).toBe(signed.id);
    }
  });

  it('a VC-JWT baked into PNG and SVG → verified through the JWT path (proof + claims), source png/svg with the jwt', async () => {
    for (const [format, input] of [
      ['png', bakePng(png, jwt)],
      ['svg', bakeSvg(svg, jwt)],
    ] as const) {
      const r = await verifyCredential(input, { now: NOW });
      expect(failed(r)).toEqual([]);
      expect(r.verified).toBe(true);
      expect(r.source).toEqual({ format, jwt });
      expect(r.checks.find((c) => c.id === 'claims')?.status).toBe('passed');
      expect(r.checks.find((c) => c.id === 'proof')?.message).toContain('EdDSA');
    }
  });

  it('a tampered credential baked into an image → proof failed', async () => {
    const tampered = { ...signed, name: signed.name + '!' };
    for (const input of [bakePng(png, tampered), bakeSvg(svg, tampered)]) {
      const r = await verifyCredential(input, { now: NOW });
      expect(r.verified).toBe(false);
      expect(failed(r).some((f) => f.startsWith('proof:'))).toBe(true);
    }
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    payload.name = payload.name + '!';
    const badJwt = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const r = await verifyCredential(bakePng(png, badJwt), { now: NOW });
    expect(failed(r)).toContain('proof:ERR_PROOF_INVALID_SIGNATURE');
    expect(r.source?.format).toBe('png');
  });

  it('a PNG with a bad CRC → failed format check ERR_PNG_BAD_CRC, no throw', async () => {
    const baked = bakePng(png, signed);
    const bad = baked.slice();
    const at = 33 + 8 + 40;
    bad[at] = bad[at]! ^ 0x01; // a byte of the credential text in the iTXt chunk right after IHDR (8 + 25 bytes)
    const r = await verifyCredential(bad, { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks).toEqual([expect.objectContaining({ id: 'format', status: 'failed', code: 'ERR_PNG_BAD_CRC' })]);
  });

  it('a truncated PNG → failed format check with the baking code', async () => {
    const r = await verifyCredential(bakePng(png, signed).subarray(0, 60), { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks[0]).toMatchObject({ id: 'format', status: 'failed' });
    expect(r.checks[0]?.code).toMatch(/^ERR_PNG_/);
  });

  it('an image without a credential → failed ERR_NO_CREDENTIAL', async () => {
    expect(failed(await verifyCredential(png, { now: NOW }))).toEqual(['format:ERR_NO_CREDENTIAL']);
    expect(failed(await verifyCredential(svg, { now: NOW }))).toEqual(['format:ERR_NO_CREDENTIAL']);
  });

  it.each(['ob2-baked.png', 'ob2-baked.svg', 'ob2-legacy.png'])('an OB 2.0 baked image (%s) → failed ERR_NOT_OB3_IMAGE', async (name) => {
    const input = name.endsWith('.svg') ? fixtureText(name) : fixtureBytes(name);
    const r = await verifyCredential(input, { now: NOW });
    expect(r.verified).toBe(false);
    expect(failed(r)).toEqual(['format:ERR_NOT_OB3_IMAGE']);
    expect(r.checks[0]?.message).toContain('Open Badges 2.0');
  });

  it('a CLR baked image is not taken for an OB 3.0 credential', async () => {
    expect(failed(await verifyCredential(fixtureBytes('clr-baked.png'), { now: NOW }))).toEqual(['format:ERR_NOT_OB3_IMAGE']);
  });
});
