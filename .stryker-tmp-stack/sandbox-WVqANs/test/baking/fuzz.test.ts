// @ts-nocheck
// Property tests: extractors (and bakers) on random or mutated input return a result or throw BakingError — nothing else,
// and never hang. numRuns is bounded so the whole file runs in a few seconds; seeds are fixed for reproducibility.
import { crc32 as zcrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bakePng, bakeSvg, extractCredential, extractPng, extractSvg } from '../../src/baking/index.js';
import { BakingError } from '../../src/errors.js';
import { CREDENTIAL, JWS, SIG, SVG, concat, itxt, makePng } from './helpers.js';

// no per-call time limit here (speed belongs in `npm run bench`); a hang would hit the test timeout
function safely<T>(fn: () => T): T | BakingError {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof BakingError)) throw e; // fails the property
    expect(e.code).toMatch(/^ERR_[A-Z_]+$/);
    return e;
  }
}

/** Rewrite every complete chunk's CRC so mutations get past the CRC check and reach the deeper parsers. */
function fixCrcs(png: Uint8Array): Uint8Array {
  const out = png.slice();
  const v = new DataView(out.buffer);
  let pos = 8;
  while (pos + 12 <= out.length) {
    const len = v.getUint32(pos);
    if (pos + 12 + len > out.length) break;
    v.setUint32(pos + 8 + len, zcrc32(out.subarray(pos + 4, pos + 8 + len)));
    pos += 12 + len;
  }
  return out;
}

const BASE_PNG = bakePng(makePng(3, 2, [itxt('openbadges', '{"type":"Assertion"}')]), CREDENTIAL);
const BASE_SVG = bakeSvg(SVG, CREDENTIAL);
const BASE_SVG_JWS = bakeSvg(SVG, JWS);

/** Random edits: overwrite, insert, delete, truncate. */
function mutateBytes(base: Uint8Array) {
  const edit = fc.oneof(
    fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 32 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let b = base;
    for (const e of edits) {
      const at = b.length === 0 ? 0 : e.at % b.length;
      if (e.op === 'set') {
        b = b.slice();
        b[at] = e.value;
      } else if (e.op === 'insert') b = concat(b.subarray(0, at), e.bytes, b.subarray(at));
      else if (e.op === 'delete') b = concat(b.subarray(0, at), b.subarray(at + e.count));
      else b = b.subarray(0, at);
    }
    return b;
  });
}

const XMLISH = ['<', '>', '/', '&', ';', '!', '[', ']', '"', "'", '=', ':', ' ', '\n', 'a', 'svg', 'credential', 'openbadges', 'xmlns', '<![CDATA[', ']]>', '<!DOCTYPE', '<!ENTITY', '<!--', '-->', '<?', '?>', '&lt;', '&#x0;', '&#65;', 'é', '\uD800', '\uFFFE', '{', '}', 'https://purl.imsglobal.org/ob/v3p0'];
const xmlishString = fc.array(fc.constantFrom(...XMLISH), { maxLength: 60 }).map((parts) => parts.join(''));

function mutateString(base: string) {
  const edit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 20 }), ins: xmlishString });
  return fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) => {
    let s = base;
    for (const e of edits) {
      const at = s.length === 0 ? 0 : e.at % s.length;
      s = s.slice(0, at) + e.ins + s.slice(at + e.del);
    }
    return s;
  });
}

describe('fuzz: extractors only return results or throw BakingError', () => {
  it('random bytes (and with a PNG signature in front)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, withSig) => {
        const input = withSig ? concat(SIG, bytes) : bytes;
        safely(() => extractCredential(input));
        safely(() => extractPng(input));
        safely(() => extractSvg(input));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('mutations of a valid baked PNG, with and without repaired CRCs', () => {
    fc.assert(
      fc.property(mutateBytes(BASE_PNG), fc.boolean(), (mutated, repair) => {
        const input = repair ? fixCrcs(mutated) : mutated;
        const r = safely(() => extractPng(input));
        if (!(r instanceof BakingError)) expect(['ob3', 'ob2', 'clr']).toContain(r.kind);
        const baked = safely(() => bakePng(input, JWS));
        if (!(baked instanceof BakingError)) {
          const again = safely(() => extractPng(baked));
          // baking always leaves exactly one OB 3.0 chunk, which wins; only a duplicated OB 2.0/CLR chunk can still fail
          if (again instanceof BakingError) expect(again.code).toBe('ERR_PNG_DUPLICATE_CREDENTIAL');
          else expect(again.credential).toBe(JWS);
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('mutations of valid baked SVGs, and XML-ish garbage', () => {
    fc.assert(
      fc.property(fc.oneof(mutateString(BASE_SVG), mutateString(BASE_SVG_JWS), xmlishString), (svg) => {
        safely(() => extractSvg(svg));
        safely(() => extractCredential(svg));
        safely(() => extractSvg(new TextEncoder().encode(svg)));
        const baked = safely(() => bakeSvg(svg, CREDENTIAL));
        if (typeof baked === 'string') {
          const again = safely(() => extractSvg(baked));
          if (again instanceof BakingError) expect(again.code).toBe('ERR_SVG_DUPLICATE_CREDENTIAL');
          else expect(again).toMatchObject({ kind: 'ob3', credential: CREDENTIAL });
        }
      }),
      { numRuns: 1500, seed: 13 },
    );
  });
});
