// @ts-nocheck
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { BakingError } from '../errors.js';
import {
  type BakeOptions,
  type BakedKind,
  type ExtractOptions,
  type ExtractResult,
  KIND_PRIORITY,
  SVG_NAMESPACES,
  checkSize,
  credentialToText,
  isCompactJws,
  parseCredentialText,
} from './common.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Deeper element nesting is refused: it serves no image and would make the parser's tag stack grow with the input. */
const MAX_DEPTH = 1024;
/** Prefix written for each kind we bake (extraction matches the namespace URI, never the prefix). */
const BAKE_PREFIX: Record<'ob3' | 'clr', string> = { ob3: 'openbadges', clr: 'clr' };

interface FoundElement {
  kind: BakedKind;
  /** offset of '<' of the start tag */
  start: number;
  /** offset just after the end tag (or '/>') */
  end: number;
  verify: string | undefined;
  body: string;
}

interface SvgScan {
  text: string;
  rootName: string;
  /** offset just after the root start tag's '>' */
  rootTagEnd: number;
  rootSelfClosing: boolean;
  /** namespace declarations written on the root element: prefix → URI */
  rootDecls: Record<string, string>;
  xmlEncoding: string | undefined;
  found: FoundElement[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toText(svg: string | Uint8Array, opts: ExtractOptions | undefined): string {
  if (typeof svg === 'string') {
    checkSize(svg.length, opts);
    return svg.charCodeAt(0) === 0xfeff ? svg.slice(1) : svg;
  }
  if (!(svg instanceof Uint8Array)) throw new BakingError('ERR_SVG_INVALID', 'SVG must be a string or a Uint8Array');
  checkSize(svg.length, opts);
  try {
    return utf8.decode(svg); // strips a UTF-8 BOM
  } catch (cause) {
    throw new BakingError('ERR_SVG_INVALID', 'SVG bytes are not valid UTF-8 (only UTF-8 SVG is supported)', { cause });
  }
}

function kindOf(uri: string, local: string): BakedKind | undefined {
  for (const kind of KIND_PRIORITY) {
    const ns = SVG_NAMESPACES[kind];
    if (ns.uri === uri && ns.local === local) return kind;
  }
  return undefined;
}

function verifyAttribute(tag: SaxesTagNS): string | undefined {
  let fallback: string | undefined;
  for (const attr of Object.values(tag.attributes)) {
    if (attr.local !== 'verify') continue;
    if (attr.prefix === '') return attr.value;
    fallback ??= attr.value;
  }
  return fallback;
}

/**
 * One linear, namespace-aware pass over the document with saxes: checks well-formedness, refuses DOCTYPE internal
 * subsets (entity declarations), never resolves anything external, and records where the root start tag ends and
 * where each credential element is.
 */
function scanSvg(text: string): SvgScan {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const found: FoundElement[] = [];
  let rootName: string | undefined;
  let rootTagEnd = -1;
  let rootSelfClosing = false;
  let rootDecls: Record<string, string> = {};
  let xmlEncoding: string | undefined;
  let depth = 0;
  let current: { el: FoundElement; depth: number } | undefined;

  parser.on('xmldecl', (decl) => {
    xmlEncoding = decl.encoding;
  });
  parser.on('doctype', (doctype) => {
    // A DOCTYPE with an internal subset can declare entities ("billion laughs", external entities): refuse it.
    // A bare DOCTYPE (e.g. the SVG 1.1 public identifier) is harmless: it is never fetched.
    if (doctype.includes('[') || /<!ENTITY/i.test(doctype)) {
      throw new BakingError('ERR_SVG_DOCTYPE', 'SVG declares a DOCTYPE internal subset (entity declarations are refused)');
    }
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_DEPTH) throw new BakingError('ERR_SVG_TOO_DEEP', `SVG elements nest deeper than ${MAX_DEPTH}`);
    const tagEnd = parser.position;
    const tagStart = text.lastIndexOf('<', tagEnd - 1); // '<' cannot occur inside a start tag
    if (rootName === undefined) {
      if (tag.local !== 'svg' || (tag.uri !== SVG_NS && tag.uri !== '')) {
        throw new BakingError('ERR_SVG_INVALID', `root element is <${tag.name}>, not <svg>`);
      }
      rootName = tag.name;
      rootTagEnd = tagEnd;
      rootSelfClosing = tag.isSelfClosing;
      rootDecls = {};
      for (const attr of Object.values(tag.attributes)) {
        if (attr.prefix === 'xmlns') rootDecls[attr.local] = attr.value;
      }
    }
    const kind = kindOf(tag.uri, tag.local);
    if (kind) {
      const el: FoundElement = { kind, start: tagStart, end: tagEnd, verify: verifyAttribute(tag), body: '' };
      found.push(el);
      if (!current) current = { el, depth };
    }
  });
  parser.on('closetag', () => {
    if (current && current.depth === depth) {
      current.el.end = parser.position;
      current = undefined;
    }
    depth--;
  });
  parser.on('text', (t) => {
    if (current) current.el.body += t;
  });
  parser.on('cdata', (t) => {
    if (current) current.el.body += t;
  });

  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof BakingError) throw err;
    throw new BakingError('ERR_SVG_INVALID', `SVG is not well-formed XML: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  if (rootName === undefined) throw new BakingError('ERR_SVG_INVALID', 'SVG has no root element');
  return { text, rootName, rootTagEnd, rootSelfClosing, rootDecls, xmlEncoding, found };
}

function pick(found: FoundElement[]): FoundElement | undefined {
  for (const kind of KIND_PRIORITY) {
    const els = found.filter((e) => e.kind === kind);
    if (els.length > 1) {
      const ns = SVG_NAMESPACES[kind];
      throw new BakingError('ERR_SVG_DUPLICATE_CREDENTIAL', `SVG holds ${els.length} <${ns.local}> elements in namespace ${ns.uri}`, {
        details: { namespace: ns.uri, count: els.length },
      });
    }
  }
  for (const kind of KIND_PRIORITY) {
    const el = found.find((e) => e.kind === kind);
    if (el) return el;
  }
  return undefined;
}

/**
 * Extract the credential baked into an SVG badge image.
 *
 * Finds the `credential` element in namespace `https://purl.imsglobal.org/ob/v3p0` (OB 3.0), the `credential` element
 * in `https://purl.imsglobal.org/clr/v2p0` (CLR 2.0) or the `assertion` element in `http://openbadges.org` (OB 2.0),
 * whatever prefix the document binds to them, and reports which in `kind` (OB 3.0 wins over CLR over OB 2.0 when
 * several are present). A `verify` attribute holds a compact JWS; otherwise the element body (CDATA) holds the JSON.
 *
 * The SVG is only parsed as text (scripts are never run), must be well-formed UTF-8 XML with an `<svg>` root, may not
 * declare a DOCTYPE internal subset (`ERR_SVG_DOCTYPE`: no entity expansion, nothing external is ever resolved), and is
 * refused above `maxBytes` (default 20 MiB). Two elements of the same kind → `ERR_SVG_DUPLICATE_CREDENTIAL`.
 *
 * Note: iOS 16+ strips image metadata when images are saved or shared; keep the credential itself as well.
 *
 * @throws {BakingError} `ERR_IMAGE_TOO_LARGE`, `ERR_SVG_INVALID`, `ERR_SVG_DOCTYPE`, `ERR_SVG_TOO_DEEP`,
 *   `ERR_SVG_DUPLICATE_CREDENTIAL`, `ERR_IMAGE_AMBIGUOUS` (a VC-JWT in `verify` and a body), `ERR_INVALID_CREDENTIAL`,
 *   `ERR_NO_CREDENTIAL`.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const { kind, credential } = extractSvg(readFileSync('badge.svg', 'utf8'));
 * ```
 */
export function extractSvg(svg: string | Uint8Array, opts?: ExtractOptions): ExtractResult {
  const scan = scanSvg(toText(svg, opts));
  const el = pick(scan.found);
  if (!el) throw new BakingError('ERR_NO_CREDENTIAL', 'SVG holds no baked credential');
  const verify = el.verify?.trim();
  const body = el.body.trim();
  if (el.kind !== 'ob2' && verify && body !== '') {
    // a viewer shows the body, a verifier checks the JWT: two payloads in one image are refused, whatever they say
    throw new BakingError('ERR_IMAGE_AMBIGUOUS', `the <${SVG_NAMESPACES[el.kind].local}> element carries a VC-JWT in verify="…" and a credential in its body: refusing an image with two payloads`);
  }
  let raw: string;
  if (el.kind === 'ob2') raw = body !== '' ? el.body : (el.verify ?? '');
  else raw = verify ? (el.verify as string) : el.body;
  if (raw.trim() === '') throw new BakingError('ERR_INVALID_CREDENTIAL', `baked ${el.kind} element is empty`);
  return parseCredentialText(raw, el.kind, 'svg');
}

/** Make JSON text safe inside CDATA and XML: `]]>` and non-XML characters only occur inside JSON string literals. */
function jsonForCdata(json: string): string {
  return json
    .replace(/]]>/g, ']]\\u003e')
    .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * Bake a credential into an SVG badge image and return the new SVG text.
 *
 * Adds `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` to the `<svg>` root (unless already there) and puts one
 * `<openbadges:credential>` element directly after the root start tag: a VC-JWT goes in its `verify="…"` attribute, a
 * JSON credential in its body as `<![CDATA[…]]>`. Any `]]>` inside the JSON (only possible inside a string value) is
 * written as the JSON escape `]]\u003e`, so the CDATA stays intact and the parsed credential is unchanged.
 * An existing element of the same kind is replaced (wherever it is), so there is only ever one; `{ replace: false }`
 * throws `ERR_ALREADY_BAKED` instead. If the document already binds the `openbadges` prefix to another namespace (an
 * OB 2.0 badge), the OB 3.0 namespace is declared on the new element itself. `{ kind: 'clr' }` bakes a CLR 2.0
 * `<clr:credential>` in `https://purl.imsglobal.org/clr/v2p0`. The rest of the document is copied byte for byte.
 *
 * Note: iOS 16+ strips image metadata when images are saved or shared; keep the credential itself as well.
 *
 * @throws {BakingError} `ERR_INVALID_CREDENTIAL`, `ERR_ALREADY_BAKED`, `ERR_SVG_ENCODING`, and the codes of {@link extractSvg}.
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * writeFileSync('baked.svg', bakeSvg(readFileSync('badge.svg', 'utf8'), signedCredential));
 * ```
 */
export function bakeSvg(svg: string | Uint8Array, credential: object | string, opts?: BakeOptions): string {
  const kind = opts?.kind ?? 'ob3';
  if (kind !== 'ob3' && kind !== 'clr') throw new BakingError('ERR_INVALID_OPTIONS', `cannot bake kind "${String(kind)}"`);
  const payload = credentialToText(credential);
  const scan = scanSvg(toText(svg, opts));
  if (scan.xmlEncoding !== undefined && !/^(utf-?8|us-ascii)$/i.test(scan.xmlEncoding.trim())) {
    throw new BakingError('ERR_SVG_ENCODING', `SVG declares encoding "${scan.xmlEncoding}"; only UTF-8 SVG can be baked`);
  }
  const existing = scan.found.filter((e) => e.kind === kind);
  if (existing.length > 0 && opts?.replace === false) {
    throw new BakingError('ERR_ALREADY_BAKED', 'SVG already holds a baked credential (pass replace: true to overwrite)');
  }

  const ns = SVG_NAMESPACES[kind];
  const prefix = BAKE_PREFIX[kind];
  const decl = ` xmlns:${prefix}="${ns.uri}"`;
  const bound = scan.rootDecls[prefix];
  const declOnRoot = bound === undefined ? decl : '';
  const declOnElement = bound !== undefined && bound !== ns.uri ? decl : '';
  const qname = `${prefix}:${ns.local}`;
  const element = isCompactJws(payload.trim())
    ? `<${qname}${declOnElement} verify="${escapeAttr(payload.trim())}"></${qname}>`
    : `<${qname}${declOnElement}><![CDATA[${jsonForCdata(payload)}]]></${qname}>`;

  const { text, rootTagEnd } = scan;
  const closeLen = scan.rootSelfClosing ? 2 : 1; // '/>' or '>'
  let out = text.slice(0, rootTagEnd - closeLen) + declOnRoot + '>' + element;
  if (scan.rootSelfClosing) return out + `</${scan.rootName}>` + text.slice(rootTagEnd);
  let from = rootTagEnd;
  for (const el of existing) {
    if (el.start < from) continue; // nested inside one already removed
    out += text.slice(from, el.start);
    from = el.end;
  }
  return out + text.slice(from);
}
