// @ts-nocheck
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { bakeSvg, extractSvg } from '../../src/baking/index.js';
import { CREDENTIAL, JWS, OB3_NS, SVG, code, utf8 } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/baking/${name}`, import.meta.url), 'utf8');


/** Independent check with saxes: children of the root, in order, as {uri, local}. */
function rootChildren(svg: string): { uri: string; local: string; attrs: Record<string, string> }[] {
  const out: { uri: string; local: string; attrs: Record<string, string> }[] = [];
  let depth = 0;
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (t) => {
    depth++;
    if (depth === 2) out.push({ uri: t.uri, local: t.local, attrs: Object.fromEntries(Object.values(t.attributes).map((a) => [a.name, a.value])) });
  });
  p.on('closetag', () => depth--);
  p.write(svg).close();
  return out;
}

describe('bakeSvg / extractSvg (OB 3.0)', () => {
  it('bakes JSON in CDATA directly after the <svg> start tag, with the namespace on the root', () => {
    const baked = bakeSvg(SVG, CREDENTIAL);
    expect(baked).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 64 64" width="64" height="64" xmlns:openbadges="https:\/\/purl.imsglobal.org\/ob\/v3p0"><openbadges:credential><!\[CDATA\[\{/);
    expect(rootChildren(baked)[0]).toMatchObject({ uri: OB3_NS, local: 'credential' });
    // everything else unchanged
    expect(baked.replace(/ xmlns:openbadges="[^"]*"/, '').replace(/<openbadges:credential>.*<\/openbadges:credential>/s, '')).toBe(SVG);
    const r = extractSvg(baked);
    expect(r).toMatchObject({ format: 'svg', kind: 'ob3' });
    expect(r.credential).toEqual(CREDENTIAL);
  });

  it('keeps `]]>` inside JSON safe (JSON escape), non-ASCII intact', () => {
    const baked = bakeSvg(SVG, CREDENTIAL);
    const cdata = baked.slice(baked.indexOf('<![CDATA[') + 9, baked.indexOf(']]></openbadges:credential>'));
    expect(cdata).not.toContain(']]>');
    expect(cdata).toContain('Café ]]\\u003e <script>');
    expect(JSON.parse(cdata)).toEqual(CREDENTIAL);
    expect(cdata).toContain('প্রোগ্রামিং দক্ষতা 🎓');
    // a JSON string is otherwise kept as given
    const pretty = JSON.stringify({ name: 'Kỹ năng ® é' }, null, 2);
    expect(extractSvg(bakeSvg(SVG, pretty)).raw).toBe(pretty);
  });

  it('bakes a JWS in verify="…" and round-trips it', () => {
    const baked = bakeSvg(SVG, JWS);
    expect(baked).toContain(`<openbadges:credential verify="${JWS}"></openbadges:credential>`);
    expect(extractSvg(baked)).toEqual({ format: 'svg', kind: 'ob3', credential: JWS, raw: JWS });
    expect(extractSvg(utf8(baked)).credential).toBe(JWS); // bytes in
  });

  it('re-baking replaces the element (exactly one) and does not duplicate the namespace', () => {
    const twice = bakeSvg(bakeSvg(SVG, CREDENTIAL), JWS);
    expect(twice.match(/<openbadges:credential/g)).toHaveLength(1);
    expect(twice.match(/xmlns:openbadges=/g)).toHaveLength(1);
    expect(extractSvg(twice).credential).toBe(JWS);
    expect(bakeSvg(twice, JWS)).toBe(twice); // idempotent
    expect(code(() => bakeSvg(twice, CREDENTIAL, { replace: false }))).toBe('ERR_ALREADY_BAKED');
  });

  it('replaces an element that another baker put elsewhere (any prefix) and moves it to the top', () => {
    const old = fixture('other-prefix.svg');
    expect(extractSvg(old).credential).toEqual(CREDENTIAL); // b3: prefix on a nested <g>, openbadges: is a decoy
    const baked = bakeSvg(old, JWS);
    // `openbadges` is bound to another namespace on the root, so the OB 3.0 one is declared on the element
    expect(baked).toContain(`<openbadges:credential xmlns:openbadges="${OB3_NS}" verify="${JWS}">`);
    expect(baked).not.toContain('b3:credential');
    expect(baked).toContain('<openbadges:credential verify="decoy.not.ob3"/>');
    expect(extractSvg(baked).credential).toBe(JWS);
  });

  it('handles a self-closing root, BOM, CRLF, and a prefixed svg root', () => {
    const selfClosing = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', JWS);
    expect(selfClosing).toBe(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}"><openbadges:credential verify="${JWS}"></openbadges:credential></svg>`);
    const crlf = '\uFEFF<?xml version="1.0"?>\r\n<s:svg xmlns:s="http://www.w3.org/2000/svg"\r\n  width="1">\r\n<s:g/>\r\n</s:svg>\r\n';
    const baked = bakeSvg(crlf, CREDENTIAL);
    expect(baked.startsWith('<?xml version="1.0"?>\r\n<s:svg')).toBe(true);
    expect(extractSvg(baked).credential).toEqual(CREDENTIAL);
    expect(extractSvg(utf8(bakeSvg(utf8('\uFEFF' + SVG), JWS))).credential).toBe(JWS);
  });

  it('bakes CLR 2.0 with kind: clr', () => {
    const baked = bakeSvg(SVG, CREDENTIAL, { kind: 'clr' });
    expect(rootChildren(baked)[0]).toMatchObject({ uri: 'https://purl.imsglobal.org/clr/v2p0', local: 'credential' });
    expect(extractSvg(baked).kind).toBe('clr');
  });
});

describe('extractSvg: other standards', () => {
  it('recognises OB 2.0 (assertion in http://openbadges.org) and CLR 2.0', () => {
    const ob2 = extractSvg(fixture('ob2-baked.svg'));
    expect(ob2.kind).toBe('ob2');
    expect((ob2.credential as { type: string }).type).toBe('Assertion');
    const clr = extractSvg(fixture('clr-baked.svg'));
    expect(clr).toMatchObject({ kind: 'clr', credential: { name: 'CLR — bảng điểm' } });
  });

  it('OB 2.0 signature in verify with no body', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org"><ob:assertion verify="${JWS}"/></svg>`;
    expect(extractSvg(svg)).toMatchObject({ kind: 'ob2', credential: JWS });
  });

  it('baking OB 3.0 into an OB 2.0 image keeps the assertion and declares the OB 3.0 namespace on the element', () => {
    const baked = bakeSvg(fixture('ob2-baked.svg'), CREDENTIAL);
    expect(baked).toContain('<openbadges:assertion');
    expect(baked).toContain(`<openbadges:credential xmlns:openbadges="${OB3_NS}"><![CDATA[`);
    expect(extractSvg(baked)).toMatchObject({ kind: 'ob3', credential: CREDENTIAL });
  });
});

describe('extractSvg: hostile input', () => {
  it('refuses a DOCTYPE with entity declarations (billion laughs, XXE) before expanding them', () => {
    expect(code(() => extractSvg(fixture('billion-laughs.svg')))).toBe('ERR_SVG_DOCTYPE');
    expect(code(() => bakeSvg(fixture('billion-laughs.svg'), JWS))).toBe('ERR_SVG_DOCTYPE');
  });

  it('accepts a bare SVG 1.1 DOCTYPE (never fetched) but not undefined entities', () => {
    const doctype = '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n';
    expect(extractSvg(doctype + bakeSvg(SVG.replace(/^<\?xml[^>]*>\n/, ''), JWS)).credential).toBe(JWS);
    const ent = `${doctype}<svg xmlns="http://www.w3.org/2000/svg" xmlns:o="${OB3_NS}"><o:credential verify="&nbsp;"/></svg>`;
    expect(code(() => extractSvg(ent))).toBe('ERR_SVG_INVALID');
  });

  it('parses scripts as text: their content is kept byte for byte and never read as markup', () => {
    // (an XML parser never evaluates JavaScript, so the check that matters is that script text stays text: a
    // credential element spelt inside a <script> or a comment is not an element and must not be extracted)
    const r = extractSvg(fixture('script.svg'));
    expect(r.credential).toEqual({ type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'x' });
    const baked = bakeSvg(fixture('script.svg').replace(/<openbadges:credential>.*<\/openbadges:credential>\n/, ''), JWS);
    expect(baked).toContain('<script type="text/javascript"><![CDATA[ globalThis.__pwned = 2; ]]></script>');
    expect(baked).toContain('<script>globalThis.__pwned = 3;</script>');
    expect(extractSvg(baked)).toMatchObject({ kind: 'ob3', credential: JWS });
    const fake = `<openbadges:credential verify="${JWS}"/>`;
    const hiddenInScript = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}"><script><![CDATA[ ${fake} ]]></script></svg>`;
    expect(code(() => extractSvg(hiddenInScript))).toBe('ERR_NO_CREDENTIAL');
    const hiddenInComment = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}"><!-- ${fake} --></svg>`;
    expect(code(() => extractSvg(hiddenInComment))).toBe('ERR_NO_CREDENTIAL');
    // …and next to a real element, the hidden one does not count as a second (no ERR_SVG_DUPLICATE_CREDENTIAL)
    const both = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NS}"><script><![CDATA[ ${fake} ]]></script><openbadges:credential><![CDATA[{"name":"real"}]]></openbadges:credential></svg>`;
    expect(extractSvg(both).credential).toEqual({ name: 'real' });
  });

  it('several credential elements of one kind', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:a="${OB3_NS}"><a:credential verify="${JWS}"/><g xmlns:b="${OB3_NS}"><b:credential>{}</b:credential></g></svg>`;
    expect(code(() => extractSvg(svg))).toBe('ERR_SVG_DUPLICATE_CREDENTIAL');
    const nested = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:a="${OB3_NS}"><a:credential><a:credential/></a:credential></svg>`;
    expect(code(() => extractSvg(nested))).toBe('ERR_SVG_DUPLICATE_CREDENTIAL');
    const fixed = bakeSvg(svg, JWS);
    expect(extractSvg(fixed).credential).toBe(JWS);
    expect(extractSvg(bakeSvg(nested, JWS)).credential).toBe(JWS);
  });

  it('malformed XML, wrong root, non-UTF-8, no credential, empty or bad content', () => {
    expect(code(() => extractSvg('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toBe('ERR_SVG_INVALID');
    expect(code(() => extractSvg('<html><svg/></html>'))).toBe('ERR_SVG_INVALID');
    expect(code(() => extractSvg(''))).toBe('ERR_SVG_INVALID');
    expect(code(() => extractSvg('<svg xmlns:x="y"><z:credential/></svg>'))).toBe('ERR_SVG_INVALID'); // unbound prefix
    expect(code(() => extractSvg(Uint8Array.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0x2f, 0x3e])))).toBe('ERR_SVG_INVALID');
    expect(code(() => extractSvg(SVG))).toBe('ERR_NO_CREDENTIAL');
    const wrap = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:o="${OB3_NS}">${inner}</svg>`;
    expect(code(() => extractSvg(wrap('<o:credential/>')))).toBe('ERR_INVALID_CREDENTIAL');
    expect(code(() => extractSvg(wrap('<o:credential><![CDATA[{"a":]]></o:credential>')))).toBe('ERR_INVALID_CREDENTIAL');
    expect(code(() => extractSvg(wrap('<o:credential verify="javascript:alert(1)"/>')))).toBe('ERR_INVALID_CREDENTIAL');
  });

  it('refuses deep nesting and oversized input', () => {
    const deep = `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(5000)}${'</g>'.repeat(5000)}</svg>`;
    expect(code(() => extractSvg(deep))).toBe('ERR_SVG_TOO_DEEP');
    expect(code(() => extractSvg(SVG, { maxBytes: 10 }))).toBe('ERR_IMAGE_TOO_LARGE');
    expect(code(() => bakeSvg(SVG, JWS, { maxBytes: 10 }))).toBe('ERR_IMAGE_TOO_LARGE');
  });

  it('refuses to bake into a non-UTF-8 declared encoding', () => {
    expect(code(() => bakeSvg('<?xml version="1.0" encoding="ISO-8859-1"?><svg/>', JWS))).toBe('ERR_SVG_ENCODING');
    expect(extractSvg(bakeSvg('<?xml version="1.0" encoding="utf-8"?><svg/>', JWS)).credential).toBe(JWS);
  });
});
