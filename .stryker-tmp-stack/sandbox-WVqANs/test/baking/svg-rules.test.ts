// @ts-nocheck
// Issue 21 (mutation area `baking-svg`): the rules of the SVG reader for untrusted images, each with its exact code,
// message and details. Open Badges 3.0 §5.3.2 (Baked Badge, SVG): an element `credential` in namespace
// https://purl.imsglobal.org/ob/v3p0 whose body (CDATA) holds the JSON credential, or whose `verify` attribute holds a
// VC-JWT; CLR 2.0 the same in https://purl.imsglobal.org/clr/v2p0; OB 2.0 `assertion` in http://openbadges.org. XML 1.0
// + Namespaces: an element is named by its namespace URI and local name, never by its prefix; an unprefixed attribute
// is in no namespace.
import { describe, expect, it } from 'vitest';
import { bakeSvg, extractSvg } from '../../src/baking/svg.js';
import { JWS, OB3_NS as OB3, err, thrown } from './helpers.js';

const CLR = 'https://purl.imsglobal.org/clr/v2p0';
const OB2 = 'http://openbadges.org';
const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:o="${OB3}" xmlns:c="${CLR}" xmlns:b="${OB2}"${attrs}>${inner}</svg>`;
const JSON1 = '{"a":1}';
const ok = (kind: string, credential: unknown, raw: string) => ({ format: 'svg', kind, credential, raw });

describe('input', () => {
  it('a string (a leading BOM dropped) or UTF-8 bytes (BOM dropped); nothing else', () => {
    const s = svg(`<o:credential><![CDATA[${JSON1}]]></o:credential>`);
    expect(extractSvg(`\uFEFF${s}`)).toEqual(ok('ob3', { a: 1 }, JSON1));
    expect(extractSvg(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(s)]))).toEqual(ok('ob3', { a: 1 }, JSON1));
    expect(err(thrown(() => extractSvg(42 as never)))).toEqual({ code: 'ERR_SVG_INVALID', message: 'SVG must be a string or a Uint8Array', details: undefined });
    const bad = thrown(() => extractSvg(Uint8Array.of(0x3c, 0x73, 0x76, 0x67, 0xff, 0x2f, 0x3e)));
    expect(err(bad)).toEqual({ code: 'ERR_SVG_INVALID', message: 'SVG bytes are not valid UTF-8 (only UTF-8 SVG is supported)', details: undefined });
    expect(bad.cause).toBeInstanceOf(TypeError);
  });

  it('the size limit applies to the string length and the byte length', () => {
    const s = svg(`<o:credential>${JSON1}</o:credential>`);
    expect(extractSvg(s, { maxBytes: s.length })).toMatchObject({ kind: 'ob3' });
    expect(err(thrown(() => extractSvg(s, { maxBytes: s.length - 1 })))).toMatchObject({ code: 'ERR_IMAGE_TOO_LARGE' });
    const b = new TextEncoder().encode(`${s}<!--é-->`);
    expect(extractSvg(b, { maxBytes: b.length })).toMatchObject({ kind: 'ob3' });
    expect(err(thrown(() => extractSvg(b, { maxBytes: b.length - 1 })))).toMatchObject({ code: 'ERR_IMAGE_TOO_LARGE', details: { size: b.length } });
  });
});

describe('the document', () => {
  it('the root must be svg in the SVG namespace or in none', () => {
    expect(extractSvg(`<svg xmlns:o="${OB3}"><o:credential>${JSON1}</o:credential></svg>`)).toMatchObject({ kind: 'ob3' });
    expect(extractSvg(`<s:svg xmlns:s="http://www.w3.org/2000/svg" xmlns:o="${OB3}"><o:credential>${JSON1}</o:credential></s:svg>`)).toMatchObject({ kind: 'ob3' });
    expect(err(thrown(() => extractSvg('<svg xmlns="http://example.org/not-svg"/>')))).toEqual({ code: 'ERR_SVG_INVALID', message: 'root element is <svg>, not <svg>', details: undefined });
    expect(err(thrown(() => extractSvg('<x:svg xmlns:x="http://example.org/x"/>')))).toEqual({ code: 'ERR_SVG_INVALID', message: 'root element is <x:svg>, not <svg>', details: undefined });
    expect(err(thrown(() => extractSvg(`<html xmlns="http://www.w3.org/2000/svg"><svg/></html>`)))).toEqual({ code: 'ERR_SVG_INVALID', message: 'root element is <html>, not <svg>', details: undefined });
    // an inner svg element is no root
    expect(extractSvg(svg(`<svg><o:credential>${JSON1}</o:credential></svg>`))).toMatchObject({ kind: 'ob3' });
  });

  it('XML that is not well-formed: ERR_SVG_INVALID with the parser error as cause', () => {
    const e = thrown(() => extractSvg('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'));
    expect(e.code).toBe('ERR_SVG_INVALID');
    expect(e.message.startsWith('SVG is not well-formed XML: ')).toBe(true);
    expect(e.message.length).toBeGreaterThan('SVG is not well-formed XML: '.length);
    expect(e.cause).toBeInstanceOf(Error);
    expect(e.message).toBe(`SVG is not well-formed XML: ${(e.cause as Error).message}`);
    // the parser's message says where (line:column)
    expect(e.message).toMatch(/^SVG is not well-formed XML: 1:\d+: /);
    for (const doc of ['', '<?xml version="1.0"?>', '<!-- no element -->']) {
      expect(err(thrown(() => extractSvg(doc))), doc).toMatchObject({ code: 'ERR_SVG_INVALID', message: expect.stringMatching(/^SVG is not well-formed XML: /) });
    }
  });

  it('a DOCTYPE with an internal subset or an ENTITY declaration is refused; a bare one is accepted', () => {
    const doctype = { code: 'ERR_SVG_DOCTYPE', message: 'SVG declares a DOCTYPE internal subset (entity declarations are refused)', details: undefined };
    expect(err(thrown(() => extractSvg(`<!DOCTYPE svg [<!ENTITY x "y">]>${svg('')}`)))).toEqual(doctype);
    expect(err(thrown(() => extractSvg(`<!DOCTYPE svg [ ]>${svg('')}`)))).toEqual(doctype);
    const bare = `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">${svg(`<o:credential>${JSON1}</o:credential>`)}`;
    expect(extractSvg(bare)).toMatchObject({ kind: 'ob3' });
  });

  it('nesting: 1,024 levels are accepted, 1,025 refused', () => {
    const nest = (n: number) => `${'<g>'.repeat(n - 1)}${'</g>'.repeat(n - 1)}`;
    // the root is level 1
    expect(err(thrown(() => extractSvg(svg(nest(1024)))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
    expect(err(thrown(() => extractSvg(svg(nest(1025)))))).toEqual({ code: 'ERR_SVG_TOO_DEEP', message: 'SVG elements nest deeper than 1024', details: undefined });
  });
});

describe('the credential element', () => {
  it('matched by namespace URI and local name, whatever the prefix', () => {
    expect(extractSvg(svg(`<x:credential xmlns:x="${OB3}">${JSON1}</x:credential>`))).toEqual(ok('ob3', { a: 1 }, JSON1));
    expect(extractSvg(svg(`<credential xmlns="${CLR}">${JSON1}</credential>`))).toEqual(ok('clr', { a: 1 }, JSON1));
    expect(extractSvg(svg(`<b:assertion>${JSON1}</b:assertion>`))).toEqual(ok('ob2', { a: 1 }, JSON1));
    // the right local name in the wrong namespace, or the wrong local name in the right one: no credential
    const none = { code: 'ERR_NO_CREDENTIAL', message: 'SVG holds no baked credential', details: undefined };
    expect(err(thrown(() => extractSvg(svg(`<b:credential>${JSON1}</b:credential>`))))).toEqual(none);
    expect(err(thrown(() => extractSvg(svg(`<o:assertion>${JSON1}</o:assertion>`))))).toEqual(none);
    expect(err(thrown(() => extractSvg(svg(`<credential>${JSON1}</credential>`))))).toEqual(none);
  });

  it('the body is its text and CDATA, entities decoded, children included; nothing after it closes', () => {
    expect(extractSvg(svg(`<o:credential>{&quot;a&quot;:<![CDATA[1}]]></o:credential><text>x</text>`))).toEqual(ok('ob3', { a: 1 }, JSON1));
    expect(extractSvg(svg(`<o:credential>{"a":<g/>1}</o:credential>`))).toEqual(ok('ob3', { a: 1 }, JSON1));
    expect(extractSvg(svg(`<g><o:credential>${JSON1}</o:credential></g> tail`))).toEqual(ok('ob3', { a: 1 }, JSON1));
    // blanks around the JSON are kept in raw
    expect(extractSvg(svg(`<o:credential>\n  ${JSON1}\n</o:credential>`))).toEqual(ok('ob3', { a: 1 }, `\n  ${JSON1}\n`));
  });

  it('OB 3.0 wins over CLR over OB 2.0 (priority), whatever the order in the document', () => {
    expect(extractSvg(svg(`<b:assertion>{"k":2}</b:assertion><c:credential>{"k":1}</c:credential><o:credential>${JSON1}</o:credential>`))).toEqual(ok('ob3', { a: 1 }, JSON1));
    expect(extractSvg(svg(`<b:assertion>{"k":2}</b:assertion><c:credential>{"k":1}</c:credential>`))).toEqual(ok('clr', { k: 1 }, '{"k":1}'));
    // a credential of another kind nested inside the chosen one is part of its body
    expect(extractSvg(svg(`<o:credential>{"a":<c:credential>1</c:credential>}</o:credential>`))).toEqual(ok('ob3', { a: 1 }, JSON1));
  });

  it('two elements of one kind are refused, even when another kind would win', () => {
    const e = thrown(() => extractSvg(svg(`<o:credential>${JSON1}</o:credential><c:credential>{}</c:credential><c:credential>{}</c:credential>`)));
    expect(err(e)).toEqual({ code: 'ERR_SVG_DUPLICATE_CREDENTIAL', message: `SVG holds 2 <credential> elements in namespace ${CLR}`, details: { namespace: CLR, count: 2 } });
    const three = thrown(() => extractSvg(svg(`<b:assertion/><b:assertion/><b:assertion/>`)));
    expect(err(three)).toEqual({ code: 'ERR_SVG_DUPLICATE_CREDENTIAL', message: `SVG holds 3 <assertion> elements in namespace ${OB2}`, details: { namespace: OB2, count: 3 } });
    // nested in itself
    expect(err(thrown(() => extractSvg(svg(`<o:credential><o:credential>${JSON1}</o:credential></o:credential>`))))).toMatchObject({ code: 'ERR_SVG_DUPLICATE_CREDENTIAL', details: { namespace: OB3, count: 2 } });
  });
});

describe('verify="…" (a VC-JWT) and the body', () => {
  it('a JWS in verify, kept as written', () => {
    expect(extractSvg(svg(`<o:credential verify="${JWS}"/>`))).toEqual(ok('ob3', JWS, JWS));
    expect(extractSvg(svg(`<o:credential verify=" ${JWS} "/>`))).toEqual(ok('ob3', JWS, ` ${JWS} `));
    expect(extractSvg(svg(`<c:credential verify="${JWS}">  </c:credential>`))).toEqual(ok('clr', JWS, JWS));
  });

  it('the unprefixed verify attribute wins over a prefixed one, which is the fallback', () => {
    expect(extractSvg(svg(`<o:credential o:verify="x.y.z" verify="${JWS}"/>`))).toEqual(ok('ob3', JWS, JWS));
    expect(extractSvg(svg(`<o:credential o:verify="${JWS}"/>`))).toEqual(ok('ob3', JWS, JWS));
    expect(extractSvg(svg(`<o:credential o:verify="${JWS}" b:verify="x.y.z"/>`))).toEqual(ok('ob3', JWS, JWS));
    // another attribute is not read
    expect(err(thrown(() => extractSvg(svg(`<o:credential verified="${JWS}"/>`))))).toEqual({ code: 'ERR_INVALID_CREDENTIAL', message: 'baked ob3 element is empty', details: undefined });
  });

  it('OB 3.0 / CLR: a VC-JWT in verify and a body is ambiguous', () => {
    const e = thrown(() => extractSvg(svg(`<o:credential verify="${JWS}">${JSON1}</o:credential>`)));
    expect(err(e)).toEqual({
      code: 'ERR_IMAGE_AMBIGUOUS',
      message: 'the <credential> element carries a VC-JWT in verify="…" and a credential in its body: refusing an image with two payloads',
      details: undefined,
    });
    expect(err(thrown(() => extractSvg(svg(`<c:credential verify="${JWS}">${JSON1}</c:credential>`))))).toMatchObject({ code: 'ERR_IMAGE_AMBIGUOUS' });
    // a blank verify is none: the body counts
    expect(extractSvg(svg(`<o:credential verify="  ">${JSON1}</o:credential>`))).toEqual(ok('ob3', { a: 1 }, JSON1));
  });

  it('OB 2.0: the body (a signed assertion) first, else verify', () => {
    expect(extractSvg(svg(`<b:assertion verify="https://x.example/a">${JSON1}</b:assertion>`))).toEqual(ok('ob2', { a: 1 }, JSON1));
    expect(extractSvg(svg(`<b:assertion verify="https://x.example/a"/>`))).toEqual(ok('ob2', 'https://x.example/a', 'https://x.example/a'));
    expect(extractSvg(svg(`<b:assertion verify="https://x.example/a">  </b:assertion>`))).toEqual(ok('ob2', 'https://x.example/a', 'https://x.example/a'));
    expect(extractSvg(svg(`<b:assertion verify="  "> ${JSON1}</b:assertion>`))).toEqual(ok('ob2', { a: 1 }, ` ${JSON1}`));
  });

  it('nothing in either: ERR_INVALID_CREDENTIAL naming the kind', () => {
    expect(err(thrown(() => extractSvg(svg('<o:credential/>'))))).toEqual({ code: 'ERR_INVALID_CREDENTIAL', message: 'baked ob3 element is empty', details: undefined });
    expect(err(thrown(() => extractSvg(svg('<c:credential verify=" "> \n </c:credential>'))))).toEqual({ code: 'ERR_INVALID_CREDENTIAL', message: 'baked clr element is empty', details: undefined });
    expect(err(thrown(() => extractSvg(svg('<b:assertion verify=" "/>'))))).toEqual({ code: 'ERR_INVALID_CREDENTIAL', message: 'baked ob2 element is empty', details: undefined });
    expect(err(thrown(() => extractSvg(svg('<b:assertion/>'))))).toEqual({ code: 'ERR_INVALID_CREDENTIAL', message: 'baked ob2 element is empty', details: undefined });
  });
});

describe('what the scan records for baking', () => {
  it('only xmlns:* attributes of the root are namespace declarations', () => {
    // an unprefixed attribute named like the prefix declares nothing: the baked element still gets its declaration
    const baked = bakeSvg(`<svg xmlns="http://www.w3.org/2000/svg" openbadges="${OB3}"/>`, JWS);
    expect(extractSvg(baked)).toEqual(ok('ob3', JWS, JWS));
    expect(baked).toContain(`xmlns:openbadges="${OB3}"`);
  });
});
