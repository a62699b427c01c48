// @ts-nocheck
// Issue 21 (mutation testing of src/status decode/bits/encode): the codec's refusals, asserted by code, message and
// details, and multi-bit status values. W3C Bitstring Status List v1.0 §3.3 (encodedList = multibase base64url of the
// GZIP-compressed bitstring), RFC 1952 §2.3.1 (ID1 = 31, ID2 = 139, CM = 8 for deflate).
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CredstackError } from '../../src/errors.js';
// the codec's own modules (not src/status/index.js, which pulls in the verifier): a mutant run re-imports these only
import { getBit, getStatusValue, setBit } from '../../src/status/bits.js';
import { decodeBitstring } from '../../src/status/decode.js';
import { encodeBitstring } from '../../src/status/encode.js';

/** The error `fn` throws (it must throw a CredstackError). */
const thrown = (fn: () => unknown): CredstackError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CredstackError);
    return e as CredstackError;
  }
  throw new Error('did not throw');
};
const u = (b: Uint8Array) => 'u' + Buffer.from(b).toString('base64url');

describe('bits', () => {
  // §7.1: "the first index, with a value of zero (0), is located at the left-most bit in the bitstring"
  it('index 0 is the left-most bit of the first byte; set and clear touch one bit only', () => {
    const bits = new Uint8Array(2);
    setBit(bits, 0, true);
    setBit(bits, 9, true);
    setBit(bits, 15, true);
    expect(Array.from(bits)).toEqual([0x80, 0x41]);
    expect(Array.from({ length: 16 }, (_, i) => getBit(bits, i))).toEqual([true, false, false, false, false, false, false, false, false, true, false, false, false, false, false, true]);
    setBit(bits, 9, false);
    setBit(bits, 8, false);
    expect(Array.from(bits)).toEqual([0x80, 0x01]);
    expect(thrown(() => setBit(bits, 16, true)).code).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(thrown(() => getBit(bits, -1)).code).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(thrown(() => getBit(bits, 0.5)).code).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
  });

  it('encode then decode gives the same bytes back; the encoding is multibase "u" + base64url of gzip', () => {
    const bits = Uint8Array.of(0x80, 0, 0x41, 0xff);
    const enc = encodeBitstring(bits);
    expect(enc.slice(0, 5)).toBe('uH4sI'); // "u" + base64url of 1f 8b 08
    expect(Array.from(decodeBitstring(enc))).toEqual([0x80, 0, 0x41, 0xff]);
    expect(Array.from(decodeBitstring(enc.slice(1), { multibase: 'optional' }))).toEqual([0x80, 0, 0x41, 0xff]);
    expect(thrown(() => decodeBitstring(enc.slice(1))).code).toBe('ERR_STATUS_LIST_MALFORMED');
  });

  it('an index outside the bitstring is ERR_STATUS_INDEX_OUT_OF_RANGE naming the index and the valid range', () => {
    const e = thrown(() => getBit(new Uint8Array(2), 16));
    expect(e.code).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(e.message).toBe('index 16 is outside the bitstring (0 … 15)');
    expect(e.details).toEqual({ index: 16, length: 16 });
    expect(getBit(new Uint8Array([1, 1]), 15)).toBe(true); // the last index is inside
  });

  it('bits that are not a Uint8Array are ERR_INVALID_INPUT (get, set and encode)', () => {
    expect(thrown(() => getBit([255] as unknown as Uint8Array, 0))).toMatchObject({ code: 'ERR_INVALID_INPUT', message: 'bits must be a Uint8Array' });
    expect(thrown(() => setBit('ab' as unknown as Uint8Array, 0, true))).toMatchObject({ code: 'ERR_INVALID_INPUT' });
    expect(thrown(() => encodeBitstring([0, 0] as unknown as Uint8Array))).toMatchObject({ code: 'ERR_INVALID_INPUT', message: 'bits must be a Uint8Array' });
  });

  // §2.1 statusSize: "the size of the status entry in bits"; entry i occupies bits i·size … i·size + size − 1, most
  // significant first (§7.1 indexes bits from the left)
  it('a multi-bit status value is read from bit index·size, most significant bit first', () => {
    const bits = new Uint8Array([0b1011_0100, 0b0000_0001]);
    expect([0, 1, 2, 3].map((i) => getStatusValue(bits, i, 2))).toEqual([0b10, 0b11, 0b01, 0b00]);
    expect([0, 1].map((i) => getStatusValue(bits, i, 3))).toEqual([0b101, 0b101]);
    expect(getStatusValue(bits, 1, 8)).toBe(1);
    expect(getStatusValue(bits, 0, 1)).toBe(1);
    expect(thrown(() => getStatusValue(bits, 2, 8)).code).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
  });
});

describe('decodeBitstring refusals', () => {
  it('maxBytes must be a positive integer; 1 is allowed', () => {
    for (const maxBytes of [0, -1, 1.5, Number.NaN, 2 ** 60]) {
      expect(thrown(() => decodeBitstring(encodeBitstring(new Uint8Array(1)), { maxBytes }))).toMatchObject({ code: 'ERR_INVALID_INPUT', message: 'maxBytes must be a positive integer' });
    }
    expect(Array.from(decodeBitstring(encodeBitstring(Uint8Array.of(0x80)), { maxBytes: 1 }))).toEqual([0x80]);
  });

  it('not a string → ERR_STATUS_LIST_MALFORMED saying what it got (never its toString)', () => {
    expect(thrown(() => decodeBitstring(null))).toMatchObject({ code: 'ERR_STATUS_LIST_MALFORMED', message: 'encodedList must be a string, got null' });
    expect(thrown(() => decodeBitstring(7)).message).toBe('encodedList must be a string, got number');
    expect(thrown(() => decodeBitstring({ toString: () => 'uH4sI' })).message).toBe('encodedList must be a string, got object');
  });

  it('the messages of the malformed cases', () => {
    expect(thrown(() => decodeBitstring('H4sIAAAA'))).toMatchObject({ code: 'ERR_STATUS_LIST_MALFORMED', message: 'encodedList must be multibase base64url: it must start with "u"' });
    // base64url without padding never has length ≡ 1 (mod 4) (RFC 4648 §5); Buffer would silently drop the last character
    const enc = encodeBitstring(new Uint8Array(3));
    const oneMod4 = enc.slice(1) + 'A'.repeat((5 - ((enc.length - 1) % 4)) % 4);
    expect(oneMod4.length % 4).toBe(1);
    expect(thrown(() => decodeBitstring('u' + oneMod4))).toMatchObject({ code: 'ERR_STATUS_LIST_MALFORMED', message: 'encodedList is not base64url without padding (characters A–Z a–z 0–9 - _)' });
    expect(thrown(() => decodeBitstring('uH4sI+AAA'))).toMatchObject({ code: 'ERR_STATUS_LIST_MALFORMED', message: 'encodedList is not base64url without padding (characters A–Z a–z 0–9 - _)' });
    // RFC 4648 §3.5: the pad bits of the last character must be zero ("AB" = 000000 000001: 4 stray bits set)
    expect(thrown(() => decodeBitstring('uAB'))).toMatchObject({ code: 'ERR_STATUS_LIST_MALFORMED', message: 'encodedList is not base64url without padding (its last character has stray bits)' });
  });

  it('length bound before decoding: ceil((maxBytes·1.01 + 1024)·4/3) characters pass, one more is ERR_STATUS_LIST_TOO_LARGE', () => {
    // maxBytes 16,384: (16,547.84 + 1,024) · 4 / 3 = 23,429.12 → 23,430 characters
    const at = 'u' + 'A'.repeat(23_430);
    expect(thrown(() => decodeBitstring(at, { maxBytes: 16_384 })).code).toBe('ERR_STATUS_LIST_NOT_GZIP'); // decoded, not refused for size
    const e = thrown(() => decodeBitstring('u' + 'A'.repeat(23_431), { maxBytes: 16_384 }));
    expect(e).toMatchObject({ code: 'ERR_STATUS_LIST_TOO_LARGE', message: 'encodedList is 23431 characters: larger than any list of at most 16384 bytes' });
  });

  it('RFC 1952 header: each of ID1 (1f), ID2 (8b), CM (08) is required, and at least the 18 bytes of header and trailer', () => {
    const gz = gzipSync(new Uint8Array(16));
    expect(decodeBitstring(u(gz))).toHaveLength(16);
    for (const at of [0, 1, 2]) {
      const bad = Uint8Array.from(gz);
      bad[at] = bad[at]! ^ 0x40;
      expect(thrown(() => decodeBitstring(u(bad))), `byte ${at}`).toMatchObject({
        code: 'ERR_STATUS_LIST_NOT_GZIP',
        message: 'encodedList is not GZIP data (RFC 1952 header 1f 8b 08 missing)',
      });
    }
    // 17 bytes with a good header: too short to be gzip; 18 bytes: looks like gzip, fails to inflate
    expect(thrown(() => decodeBitstring(u(gz.subarray(0, 17)))).code).toBe('ERR_STATUS_LIST_NOT_GZIP');
    expect(thrown(() => decodeBitstring(u(gz.subarray(0, 18)))).code).toBe('ERR_STATUS_LIST_CORRUPT');
  });

  it('corrupt data: ERR_STATUS_LIST_CORRUPT with the inflater\'s message and its error as cause', () => {
    const gz = gzipSync(new Uint8Array(64));
    const e = thrown(() => decodeBitstring(u(gz.subarray(0, gz.length - 4))));
    expect(e.code).toBe('ERR_STATUS_LIST_CORRUPT');
    expect(e.cause).toBeInstanceOf(Error);
    expect(e.message).toBe(`encodedList is corrupt GZIP data: ${(e.cause as Error).message}`);
    // the browser-safe inflater (src/status/gunzip.ts, fflate + RFC 1952 trailer checks) reports a truncated member
    expect((e.cause as { reason?: string }).reason).toBe('corrupt');
    expect((e.cause as Error).message.length).toBeGreaterThan(0);
  });

  it('too large after inflating: ERR_STATUS_LIST_TOO_LARGE naming maxBytes, with the inflater\'s error as cause', () => {
    const e = thrown(() => decodeBitstring(encodeBitstring(new Uint8Array(4097)), { maxBytes: 4096 }));
    expect(e.code).toBe('ERR_STATUS_LIST_TOO_LARGE');
    expect(e.message).toBe('the bitstring decompresses to more than 4096 bytes (gzip bomb?): refused');
    expect((e.cause as { reason?: string }).reason).toBe('too-large');
  });
});
