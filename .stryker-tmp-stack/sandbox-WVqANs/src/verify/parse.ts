// @ts-nocheck
import { measureJsonLdWork, resolveLimits, type VerifyLimits } from './bounds.js';
import type { Check } from './report.js';
import { LIMITS } from './options.js';

/** @internal What an input turned out to be. */
export type ParsedInput =
  | { kind: 'json'; value: Record<string, any>; from: 'json' | 'png' | 'svg' }
  | { kind: 'jwt'; value: string; from: 'vc-jwt' | 'png' | 'svg' }
  | { kind: 'image'; bytes: Uint8Array | string }
  | { kind: 'error'; check: Check };

const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const fail = (code: string, message: string): ParsedInput => ({ kind: 'error', check: { id: 'format', status: 'failed', code, message } });

/** @internal Classify and bound untrusted input without touching JSON-LD. */
export function parseInput(input: unknown, maxBytes: number = LIMITS.maxBytes, limits?: Partial<VerifyLimits>): ParsedInput {
  if (input === null || input === undefined) return fail('ERR_INPUT_EMPTY', 'nothing to verify');
  if (input instanceof ArrayBuffer) input = new Uint8Array(input);
  if (input instanceof Uint8Array) {
    if (input.byteLength > maxBytes) return fail('ERR_INPUT_TOO_LARGE', `input is ${input.byteLength} bytes; the limit is ${maxBytes}`);
    // PNG signature or text that looks like SVG/XML → image; other bytes → decode as UTF-8 text
    if (input[0] === 0x89 && input[1] === 0x50 && input[2] === 0x4e && input[3] === 0x47) return { kind: 'image', bytes: input };
    input = new TextDecoder('utf-8', { fatal: false }).decode(input);
  }
  if (typeof input === 'string') {
    if (input.length > maxBytes) return fail('ERR_INPUT_TOO_LARGE', `input is ${input.length} characters; the limit is ${maxBytes}`);
    const s = input.replace(/^\uFEFF/, '').trim();
    if (s.startsWith('{')) {
      let v: unknown;
      try {
        v = JSON.parse(s);
      } catch (e) {
        return fail('ERR_JSON_INVALID', `not valid JSON: ${(e as Error).message.slice(0, 120)}`);
      }
      return boundObject(v, 'json', maxBytes, limits);
    }
    if (JWT_RE.test(s)) return { kind: 'jwt', value: s, from: 'vc-jwt' };
    if (s.startsWith('<')) return { kind: 'image', bytes: s };
    if (s.split('.').length === 3 || s.split('.').length === 5) return fail('ERR_JWT_MALFORMED', 'looks like a JWT but is not compact JWS base64url');
    return fail('ERR_INPUT_UNRECOGNISED', 'input is neither JSON, a VC-JWT, nor a PNG/SVG badge');
  }
  if (typeof input === 'object') {
    if (Array.isArray(input)) return fail('ERR_INPUT_NOT_OBJECT', 'expected one credential object, got an array');
    return boundObject(input, 'json', maxBytes, limits);
  }
  return fail('ERR_INPUT_NOT_OBJECT', `cannot verify a ${typeof input}`);
}

/** @internal Why a document was refused by {@link boundObject}, as a failed check (or undefined when within bounds). */
export function boundCheck(v: unknown, maxBytes: number = LIMITS.maxBytes, limits?: Partial<VerifyLimits>, what = 'the credential'): Check | undefined {
  const l = resolveLimits(limits);
  const m = measureJsonLdWork(v, l, maxBytes);
  const x = m.exceeded;
  if (!x) return undefined;
  const check = (code: string, message: string): Check => ({ id: 'format', status: 'failed', code, message });
  switch (x.limit) {
    case 'maxChars':
      return check('ERR_INPUT_TOO_LARGE', `${what} holds more than ${maxBytes} characters of text`);
    case 'maxDepth':
      return check('ERR_INPUT_TOO_DEEP', `JSON nesting deeper than ${x.max}`);
    case 'maxValues':
      return check('ERR_INPUT_TOO_LARGE', `JSON has more than ${x.max} values (limit maxValues)`);
    case 'maxObjects':
      return check('ERR_INPUT_TOO_LARGE', `JSON has more than ${x.max} objects (limit maxObjects)`);
    case 'maxArrayLength':
      return check('ERR_INPUT_TOO_LARGE', `an array has ${x.value} entries; the limit is ${x.max} (limit maxArrayLength)`);
    default:
      return check('ERR_INPUT_TOO_COMPLEX', `${what} needs too much JSON-LD work: ${x.value} > ${x.max} (limit ${x.limit})`);
  }
}

/** @internal Reject too deep / too large / too costly objects before any recursive library sees them. */
export function boundObject(v: unknown, from: 'json' | 'png' | 'svg', maxBytes: number = LIMITS.maxBytes, limits?: Partial<VerifyLimits>): ParsedInput {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('ERR_INPUT_NOT_OBJECT', 'a credential must be a JSON object');
  const bad = boundCheck(v, maxBytes, limits);
  if (bad) return { kind: 'error', check: bad };
  return { kind: 'json', value: v as Record<string, any>, from };
}
