// @ts-nocheck
import { BakingError } from '../errors.js';

/**
 * Which standard a baked credential follows: Open Badges 3.0, Open Badges 2.0 (legacy, extraction only) or CLR 2.0.
 * @example
 * ```ts
 * const kind: BakedKind = extractCredential(bytes).kind; // 'ob3' | 'ob2' | 'clr'
 * ```
 */
export type BakedKind = 'ob3' | 'ob2' | 'clr';

/**
 * Image formats that can carry a baked credential.
 * @example
 * ```ts
 * const format: BakedImageFormat = detectImageType(bytes) ?? 'png';
 * ```
 */
export type BakedImageFormat = 'png' | 'svg';

/**
 * What an extractor found in a badge image.
 * `credential` is the parsed JSON object, or the compact JWS string (VC-JWT) as baked;
 * `raw` is the exact text that was stored in the image.
 * @example
 * ```ts
 * const { format, kind, credential, raw } = extractCredential(pngBytes);
 * if (kind === 'ob3' && typeof credential === 'string') console.log('VC-JWT of', raw.length, 'chars');
 * ```
 */
export interface ExtractResult {
  format: BakedImageFormat;
  kind: BakedKind;
  credential: Record<string, unknown> | string;
  raw: string;
}

/**
 * Options common to every extractor.
 * @example
 * ```ts
 * extractCredential(bytes, { maxBytes: 5 * 1024 * 1024 }); // refuse images above 5 MiB
 * ```
 */
export interface ExtractOptions {
  /** Largest image accepted, in bytes (for SVG strings: UTF-16 length). Default {@link DEFAULT_MAX_IMAGE_BYTES}. */
  maxBytes?: number;
}

/**
 * Options for {@link bakePng} and {@link bakeSvg}.
 * @example
 * ```ts
 * bakePng(png, credential, { replace: false }); // throws ERR_ALREADY_BAKED if the image already carries one
 * ```
 */
export interface BakeOptions extends ExtractOptions {
  /** Replace a credential already baked into the image (default `true`); `false` throws `ERR_ALREADY_BAKED` instead. */
  replace?: boolean;
  /** Bake as an OB 3.0 `OpenBadgeCredential` (default) or as a CLR 2.0 `ClrCredential`. */
  kind?: 'ob3' | 'clr';
}

/**
 * Default size limit for images handed to the bakers and extractors: 20 MiB.
 * @example
 * ```ts
 * extractPng(bytes, { maxBytes: DEFAULT_MAX_IMAGE_BYTES / 4 });
 * ```
 */
export const DEFAULT_MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * PNG `iTXt` keywords per standard (OB 2.0 also used a `tEXt` chunk holding a URL).
 * @example
 * ```ts
 * PNG_KEYWORDS.ob3; // 'openbadgecredential'
 * ```
 */
export const PNG_KEYWORDS: Readonly<Record<BakedKind, string>> = Object.freeze({
  ob3: 'openbadgecredential',
  clr: 'clrcredential',
  ob2: 'openbadges',
});

/**
 * SVG namespace URI and element local name per standard. Extraction matches the URI, never the prefix.
 * @example
 * ```ts
 * SVG_NAMESPACES.ob3; // { uri: 'https://purl.imsglobal.org/ob/v3p0', local: 'credential' }
 * ```
 */
export const SVG_NAMESPACES: Readonly<Record<BakedKind, { readonly uri: string; readonly local: string }>> = Object.freeze({
  ob3: Object.freeze({ uri: 'https://purl.imsglobal.org/ob/v3p0', local: 'credential' }),
  clr: Object.freeze({ uri: 'https://purl.imsglobal.org/clr/v2p0', local: 'credential' }),
  ob2: Object.freeze({ uri: 'http://openbadges.org', local: 'assertion' }),
});

/**
 * Preference when one image carries credentials of several standards (internal; not re-exported).
 * @example
 * ```ts
 * KIND_PRIORITY[0]; // 'ob3'
 * ```
 */
export const KIND_PRIORITY: readonly BakedKind[] = ['ob3', 'clr', 'ob2'];

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * True for a compact JWS `header.payload.signature` (base64url parts, non-empty header and payload). Internal.
 * @example
 * ```ts
 * isCompactJws('eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln'); // true
 * ```
 */
export function isCompactJws(s: string): boolean {
  return COMPACT_JWS.test(s);
}

/**
 * Reject inputs above the size limit before doing any work (`ERR_IMAGE_TOO_LARGE`). Internal.
 * @example
 * ```ts
 * checkSize(bytes.length, { maxBytes: 1024 });
 * ```
 */
export function checkSize(length: number, opts: ExtractOptions | undefined): void {
  const max = opts?.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
  if (!(max >= 0)) throw new BakingError('ERR_INVALID_OPTIONS', `maxBytes must be a non-negative number, got ${String(max)}`);
  if (length > max) {
    throw new BakingError('ERR_IMAGE_TOO_LARGE', `image of ${length} bytes exceeds the limit of ${max} bytes`, {
      details: { size: length, maxBytes: max },
    });
  }
}

/**
 * Turn the caller's credential (object, JSON string, or compact JWS) into the text to bake.
 * A JSON string is kept byte for byte; an object is serialized with `JSON.stringify`. Internal.
 * @example
 * ```ts
 * credentialToText({ a: 1 }); // '{"a":1}'
 * ```
 */
export function credentialToText(credential: unknown): string {
  if (typeof credential === 'string') {
    const s = credential.trim();
    if (isCompactJws(s)) return s;
    if (s.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(s);
      } catch (cause) {
        throw new BakingError('ERR_INVALID_CREDENTIAL', 'credential string is neither a compact JWS nor valid JSON', { cause });
      }
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return credential;
    }
    throw new BakingError('ERR_INVALID_CREDENTIAL', 'credential string must be a compact JWS (header.payload.signature) or a JSON object');
  }
  if (credential !== null && typeof credential === 'object' && !Array.isArray(credential)) {
    let text: string | undefined;
    try {
      text = JSON.stringify(credential);
    } catch (cause) {
      throw new BakingError('ERR_INVALID_CREDENTIAL', 'credential object cannot be serialized as JSON', { cause });
    }
    if (typeof text !== 'string') throw new BakingError('ERR_INVALID_CREDENTIAL', 'credential object cannot be serialized as JSON');
    return text;
  }
  throw new BakingError('ERR_INVALID_CREDENTIAL', 'credential must be an object, a JSON string or a compact JWS string');
}

/**
 * Interpret extracted text: JSON object → parsed object; compact JWS → string.
 * OB 2.0 may also hold a hosted-assertion URL (kept as a string). Anything else → ERR_INVALID_CREDENTIAL. Internal.
 * @example
 * ```ts
 * parseCredentialText('{"a":1}', 'ob3', 'png').credential; // { a: 1 }
 * ```
 */
export function parseCredentialText(raw: string, kind: BakedKind, format: BakedImageFormat): ExtractResult {
  const s = raw.trim();
  if (s.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch (cause) {
      throw new BakingError('ERR_INVALID_CREDENTIAL', `baked ${kind} credential is not valid JSON`, { cause, details: { kind, format } });
    }
    // JSON text that begins with "{" and parses is an object (RFC 8259 §4): never null, an array or a scalar
    return { format, kind, credential: parsed as Record<string, unknown>, raw };
  }
  if (isCompactJws(s)) return { format, kind, credential: s, raw };
  if (kind === 'ob2' && /^https?:\/\/\S+$/.test(s)) return { format, kind, credential: s, raw };
  throw new BakingError('ERR_INVALID_CREDENTIAL', `baked ${kind} credential is neither JSON nor a compact JWS`, { details: { kind, format } });
}
