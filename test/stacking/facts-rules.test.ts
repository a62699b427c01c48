// Rule tests for reading stacking facts from OB 3.0 credentials (src/stacking/facts.ts: extractFacts and its readers)
// and for component digests (src/stacking/digest.ts: VC 2.0 "Integrity of Related Resources" digestMultibase =
// multibase `u` base64url-no-pad of a multihash). Hand-made credential objects, no signing, no src/index.js; digests are
// cross-checked with node:crypto and a base58 encoder written here, not with the code under test. Area 'stacking-facts'.
import { describe, expect, it } from 'vitest';
import { StackingError } from '../../src/errors.js';
import { canonicalComponentBytes, digestComponent, digestMultibaseOf, parseDigestMultibase } from '../../src/stacking/digest.js';
import { achievementOf, extractFacts, readLevels, readResults, readSkills, readWorkload } from '../../src/stacking/facts.js';
import { base58btc, multihash } from './digest-oracle.js';

const EMPTY = { achievementTypes: [], workload: [], level: [], skills: [], results: [] };
const cred = (achievement: Record<string, unknown>, subject: Record<string, unknown> = {}, top: Record<string, unknown> = {}) =>
  ({ credentialSubject: { achievement, ...subject }, ...top });

describe('extractFacts: what stacking reads from a credential (never throws)', () => {
  it('nothing from what is not a credential object', () => {
    for (const v of [null, undefined, 42, 'text', [], [{ credentialSubject: {} }]]) expect(extractFacts(v)).toStrictEqual(EMPTY);
    expect(extractFacts({ credentialSubject: 'did:example:l' })).toStrictEqual(EMPTY);
  });

  it('ids, names, issuer (string or object), awarding body, learner; empty strings are absent', () => {
    const f = extractFacts(cred({ id: 'https://uni.example/a/1', name: 'AI', creator: { id: 'did:web:body' }, achievementType: ['Course', 7, 'Module'] },
      { id: 'did:example:learner' }, { id: 'urn:uuid:1', issuer: { id: 'did:web:uni' } }));
    expect(f).toStrictEqual({ ...EMPTY, achievementTypes: ['Course', 'Module'], id: 'urn:uuid:1', achievementId: 'https://uni.example/a/1', achievementName: 'AI',
      issuer: 'did:web:uni', creator: 'did:web:body', subject: 'did:example:learner' });
    expect(extractFacts(cred({ creator: 'did:web:body', achievementType: 'Badge' }, {}, { issuer: 'did:web:uni' }))).toStrictEqual({ ...EMPTY, achievementTypes: ['Badge'], issuer: 'did:web:uni', creator: 'did:web:body' });
    expect(extractFacts(cred({ id: '', name: '', creator: { id: '' } }, { id: '' }, { id: '', issuer: '' }))).toStrictEqual(EMPTY);
    expect(extractFacts(cred({ creator: 7 }, {}, { issuer: ['did:web:uni'] }))).toStrictEqual(EMPTY);
  });

  it('the subject is the first object of credentialSubject; the achievement is that of the first entry', () => {
    expect(extractFacts({ credentialSubject: [{ id: 'did:example:a', achievement: { id: 'urn:a' } }, { id: 'did:example:b', achievement: { id: 'urn:b' } }] }))
      .toStrictEqual({ ...EMPTY, subject: 'did:example:a', achievementId: 'urn:a' });
    expect(extractFacts({ credentialSubject: ['x', { id: 'did:example:b', achievement: { id: 'urn:b' } }] })).toStrictEqual({ ...EMPTY, subject: 'did:example:b' });
    expect(achievementOf({ credentialSubject: { achievement: 'urn:a' } })).toBe(undefined);
    expect(achievementOf({ credentialSubject: { achievement: ['urn:a'] } })).toBe(undefined);
    expect(achievementOf(null)).toBe(undefined);
    expect(achievementOf({ credentialSubject: { achievement: { id: 'urn:a' } } })).toStrictEqual({ id: 'urn:a' });
  });

  it('awardedAt: awardedDate, else validFrom, else issuanceDate — the first readable date', () => {
    const at = (top: Record<string, unknown>) => extractFacts({ credentialSubject: {}, ...top }).awardedAt;
    expect(at({ awardedDate: '2024-01-01T00:00:00Z', validFrom: '2025-01-01T00:00:00Z', issuanceDate: '2026-01-01T00:00:00Z' })).toBe('2024-01-01T00:00:00Z');
    expect(at({ validFrom: '2025-01-01T00:00:00Z', issuanceDate: '2026-01-01T00:00:00Z' })).toBe('2025-01-01T00:00:00Z');
    expect(at({ awardedDate: 'soon', validFrom: '', issuanceDate: '2026-01-01T00:00:00Z' })).toBe('2026-01-01T00:00:00Z');
    expect(at({ awardedDate: 'soon' })).toBe(undefined);
    expect(at({})).toBe(undefined);
  });
});

describe('readWorkload: our workload term, the NotionalWorkload alignment, else OB credits as unit "credits"', () => {
  it('workload entries with a finite value ≥ 0 and a unit; the first per unit', () => {
    const a = { workload: [{ value: 5, unit: 'ECTS' }, { value: 0, unit: 'hours' }, { value: 9, unit: 'ECTS' }, { value: -1, unit: 'ext:a' },
      { value: Infinity, unit: 'ext:b' }, { value: NaN, unit: 'ext:c' }, { value: '5', unit: 'ext:d' }, { value: 1, unit: '' }, { value: 1 }, 'ECTS', null] };
    expect(readWorkload(a, undefined)).toStrictEqual([{ value: 5, unit: 'ECTS' }, { value: 0, unit: 'hours' }]);
    expect(readWorkload({ workload: { value: 3, unit: 'ECTS' } }, undefined)).toStrictEqual([{ value: 3, unit: 'ECTS' }]);
  });

  it('alignments of type ext:NotionalWorkload: the amount in targetCode (a decimal number), the unit in targetFramework', () => {
    const nw = (targetCode: unknown, targetFramework: unknown = 'hours', targetType = 'ext:NotionalWorkload') => ({ targetType, targetCode, targetFramework });
    expect(readWorkload({ alignment: [nw('125'), nw('2.5', 'ECTS')] }, undefined)).toStrictEqual([{ value: 125, unit: 'hours' }, { value: 2.5, unit: 'ECTS' }]);
    expect(readWorkload({ alignment: [nw('2.25', 'ECTS')] }, undefined)).toStrictEqual([{ value: 2.25, unit: 'ECTS' }]);
    for (const bad of [nw('5 h'), nw('-5'), nw('.5'), nw('5.'), nw(5), nw('5', ''), nw('5', 3), nw('5', 'hours', 'ext:Other')]) {
      expect(readWorkload({ alignment: [bad] }, undefined)).toStrictEqual([]);
    }
    // the workload term wins for the same unit; another unit is added
    expect(readWorkload({ workload: [{ value: 5, unit: 'ECTS' }], alignment: [nw('9', 'ECTS'), nw('125', 'hours'), nw('7', 'hours')] }, undefined))
      .toStrictEqual([{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }]);
  });

  it('OB creditsEarned (subject), else creditsAvailable (achievement), only without a stated workload', () => {
    expect(readWorkload({ creditsAvailable: 3 }, { creditsEarned: 2 })).toStrictEqual([{ value: 2, unit: 'credits' }]);
    expect(readWorkload({ creditsAvailable: 3 }, { creditsEarned: '2' })).toStrictEqual([{ value: 3, unit: 'credits' }]);
    expect(readWorkload({ creditsAvailable: 3 }, undefined)).toStrictEqual([{ value: 3, unit: 'credits' }]);
    expect(readWorkload({ creditsAvailable: 0 }, undefined)).toStrictEqual([{ value: 0, unit: 'credits' }]);
    expect(readWorkload({ creditsAvailable: -3 }, undefined)).toStrictEqual([]);
    expect(readWorkload({ creditsAvailable: Infinity }, undefined)).toStrictEqual([]);
    expect(readWorkload({ creditsAvailable: '3' }, undefined)).toStrictEqual([]);
    expect(readWorkload({ creditsAvailable: 3, workload: [{ value: 5, unit: 'ECTS' }] }, undefined)).toStrictEqual([{ value: 5, unit: 'ECTS' }]);
    expect(readWorkload(undefined, { creditsEarned: 4 })).toStrictEqual([{ value: 4, unit: 'credits' }]);
    expect(readWorkload(undefined, undefined)).toStrictEqual([]);
  });
});

describe('readLevels: qualificationLevel and EQF alignments; QF-EHEA cycles also as EQF 5–8', () => {
  const ql = (...levels: unknown[]) => readLevels({ qualificationLevel: levels });

  it('EQF (by either name, any case) with a numeric level', () => {
    expect(ql({ framework: 'EQF', level: 6 })).toStrictEqual([{ framework: 'EQF', level: 6 }]);
    expect(ql({ framework: 'eqf', level: '7' })).toStrictEqual([{ framework: 'EQF', level: 7 }]);
    expect(ql({ framework: 'European Qualifications Framework', level: 5 })).toStrictEqual([{ framework: 'EQF', level: 5 }]);
    expect(ql({ framework: 'European Qualification Framework', level: 4 })).toStrictEqual([{ framework: 'EQF', level: 4 }]);
    expect(ql({ framework: 'EQF', level: 'six' })).toStrictEqual([{ framework: 'EQF', level: 'six' }]);
    expect(ql({ framework: 'EQF levels', level: 6 })).toStrictEqual([{ framework: 'EQF levels', level: 6 }]);
  });

  it('QF-EHEA: the cycle (else the level as text), plus the cycle\'s EQF level', () => {
    expect(ql({ framework: 'QF-EHEA', level: 1, cycle: 'first' })).toStrictEqual([{ framework: 'QF-EHEA', level: 'first' }, { framework: 'EQF', level: 6 }]);
    expect(ql({ framework: 'Framework for Qualifications of the European Higher Education Area', cycle: 'short' })).toStrictEqual([{ framework: 'QF-EHEA', level: 'short' }, { framework: 'EQF', level: 5 }]);
    expect(ql({ framework: 'qf-ehea', cycle: 'second' }, { framework: 'QF-EHEA', cycle: 'third' })).toStrictEqual([
      { framework: 'QF-EHEA', level: 'second' }, { framework: 'EQF', level: 7 }, { framework: 'QF-EHEA', level: 'third' }, { framework: 'EQF', level: 8 }]);
    expect(ql({ framework: 'QF-EHEA', level: 2 })).toStrictEqual([{ framework: 'QF-EHEA', level: '2' }]);
    expect(ql({ framework: 'QF-EHEA', cycle: 'fourth' })).toStrictEqual([{ framework: 'QF-EHEA', level: 'fourth' }]);
  });

  it('other frameworks keep their level (numeric text as a number); none, no framework or no level is skipped', () => {
    expect(ql({ framework: 'NQF-DE', level: '7' }, { framework: 'CEFR', level: 'B2' }, { framework: 'X', level: 3 })).toStrictEqual([
      { framework: 'NQF-DE', level: 7 }, { framework: 'CEFR', level: 'B2' }, { framework: 'X', level: 3 }]);
    expect(ql({ framework: 'none', level: 1 }, { level: 6 }, { framework: '', level: 6 }, { framework: 'X' }, { framework: 'X', level: { n: 1 } }, 'EQF 6')).toStrictEqual([]);
    // a cycle on another framework still gives its EQF level
    expect(ql({ framework: 'NQF-IT', level: 'L', cycle: 'second' })).toStrictEqual([{ framework: 'NQF-IT', level: 'L' }, { framework: 'EQF', level: 7 }]);
  });

  it('a level is numeric only when it is all digits (else kept as text); a list is no level', () => {
    expect(ql({ framework: 'EQF', level: 'L6' }, { framework: 'EQF', level: '6b' })).toStrictEqual([{ framework: 'EQF', level: 'L6' }, { framework: 'EQF', level: '6b' }]);
    expect(ql({ framework: 'eqf', level: '10' })).toStrictEqual([{ framework: 'EQF', level: 10 }]);
    expect(ql({ framework: 'EQF', level: [6] })).toStrictEqual([]);
    expect(ql({ framework: 'CEFR', level: '6b' }, { framework: 'CEFR', level: '10' })).toStrictEqual([{ framework: 'CEFR', level: '6b' }, { framework: 'CEFR', level: 10 }]);
    // the same level number in two frameworks is two levels
    expect(ql({ framework: 'EQF', level: 6 }, { framework: 'NQF-DE', level: 6 })).toStrictEqual([{ framework: 'EQF', level: 6 }, { framework: 'NQF-DE', level: 6 }]);
  });

  it('each level once', () => {
    expect(ql({ framework: 'EQF', level: 6 }, { framework: 'EQF', level: '6' }, { framework: 'QF-EHEA', cycle: 'first' })).toStrictEqual([
      { framework: 'EQF', level: 6 }, { framework: 'QF-EHEA', level: 'first' }]);
  });

  it('alignments: an EQF level URL, or framework EQF with the level as the last digit of the code (else the name)', () => {
    const al = (...a: unknown[]) => readLevels({ alignment: a });
    expect(al({ targetUrl: 'http://data.europa.eu/snb/eqf/6' })).toStrictEqual([{ framework: 'EQF', level: 6 }]);
    expect(al({ targetUrl: 'https://data.europa.eu/snb/eqf/8' })).toStrictEqual([{ framework: 'EQF', level: 8 }]);
    expect(al({ targetUrl: 'http://data.europa.eu/snb/eqf/9' }, { targetUrl: 'http://data.europa.eu/snb/eqf/6x' }, { targetUrl: 'xhttp://data.europa.eu/snb/eqf/6' })).toStrictEqual([]);
    expect(al({ targetFramework: 'EQF', targetCode: 'Level 7 ' })).toStrictEqual([{ framework: 'EQF', level: 7 }]);
    expect(al({ targetFramework: 'EQF', targetName: 'EQF level 5' })).toStrictEqual([{ framework: 'EQF', level: 5 }]);
    expect(al({ targetFramework: 'EQF', targetCode: '4', targetName: 'EQF level 5' })).toStrictEqual([{ framework: 'EQF', level: 4 }]);
    expect(al({ targetFramework: 'EQF', targetCode: '' , targetName: 'EQF level 3' })).toStrictEqual([{ framework: 'EQF', level: 3 }]);
    expect(al({ targetFramework: 'EQF', targetCode: '9' }, { targetFramework: 'EQF', targetCode: '6 a' }, { targetFramework: 'EQF' }, { targetFramework: 'NQF', targetCode: '6' }, 'x')).toStrictEqual([]);
    expect(al({ targetFramework: 'QF-EHEA', targetCode: 'second cycle' })).toStrictEqual([{ framework: 'QF-EHEA', level: 'second' }, { framework: 'EQF', level: 7 }]);
    expect(al({ targetFramework: 'QF-EHEA', targetName: 'short cycle' })).toStrictEqual([{ framework: 'QF-EHEA', level: 'short' }, { framework: 'EQF', level: 5 }]);
    expect(al({ targetFramework: 'QF-EHEA', targetCode: 'doctorate' }, { targetFramework: '', targetCode: 'first' })).toStrictEqual([]);
  });
});

describe('readSkills: alignment targetUrl and targetCode of the achievement and its learning outcomes', () => {
  it('url, code, and url#code; each once; level, workload, quality and outcome alignments excluded', () => {
    const a = {
      alignment: [{ targetUrl: 'http://esco/s1', targetCode: 'S1' }, { targetUrl: 'http://esco/s2' }, { targetCode: 'S3', targetUrl: '' }, { targetUrl: 'http://esco/s2' },
        { targetType: 'ext:QualificationLevel', targetUrl: 'http://q' }, { targetType: 'ext:NotionalWorkload', targetUrl: 'http://w' },
        { targetType: 'ext:QualityAssurance', targetUrl: 'http://qa' }, { targetType: 'ext:LearningOutcome', targetUrl: 'http://lo' },
        { targetUrl: 'http://data.europa.eu/snb/eqf/6' }, { targetFramework: 'EQF', targetCode: '6', targetUrl: 'http://eqf' }, { targetType: 'CFItem', targetUrl: 'http://cf' }, 'x'],
      learningOutcomes: [{ alignment: { targetUrl: 'http://esco/lo1' } }, 'y', { alignment: [{ targetCode: 'S1' }] }],
    };
    expect(readSkills(a)).toStrictEqual(['http://esco/s1', 'S1', 'http://esco/s1#S1', 'http://esco/s2', 'S3', 'http://cf', 'http://esco/lo1']);
    expect(readSkills(undefined)).toStrictEqual([]);
  });
});

describe('readResults: credentialSubject.result resolved against the achievement\'s result descriptions', () => {
  const rubric = { id: 'urn:rd:r', name: 'Rubric', rubricCriterionLevel: [{ id: 'urn:l:0', name: 'Fail' }, { id: 'urn:l:1' }, { name: 'Merit' }, 'x'] };
  const rd = { resultDescription: [{ id: 'urn:rd:g', name: 'Final grade' }, rubric, 'x'] };

  it('the description reference (id or name) and the description\'s name', () => {
    expect(readResults(rd, { result: [{ resultDescription: 'urn:rd:g' }, { resultDescription: 'Final grade' }, { resultDescription: 'urn:other' }, { resultDescription: '' }, 'x', null] })).toStrictEqual([
      { resultDescription: 'urn:rd:g', resultDescriptionName: 'Final grade' }, { resultDescription: 'Final grade', resultDescriptionName: 'Final grade' }, { resultDescription: 'urn:other' }, {}]);
    expect(readResults({ resultDescription: { id: 'urn:rd:g' } }, { result: { resultDescription: 'urn:rd:g' } })).toStrictEqual([{ resultDescription: 'urn:rd:g' }]);
    // a null among the descriptions is skipped (never throws)
    expect(readResults({ resultDescription: [null, { id: 'urn:rd:g', name: 'Final grade' }] }, { result: [{ resultDescription: 'urn:rd:g' }] }))
      .toStrictEqual([{ resultDescription: 'urn:rd:g', resultDescriptionName: 'Final grade' }]);
  });

  it('value as text, with a number when it reads as one (comma decimal, a trailing %)', () => {
    const v = (value: unknown) => readResults(undefined, { result: [{ value }] })[0];
    expect(v(27)).toStrictEqual({ value: '27', numeric: 27 });
    expect(v('27,5')).toStrictEqual({ value: '27,5', numeric: 27.5 });
    expect(v('85%')).toStrictEqual({ value: '85%', numeric: 85 });
    expect(v('A')).toStrictEqual({ value: 'A' });
    expect(v(' ')).toStrictEqual({ value: ' ' });
    expect(v('')).toStrictEqual({});
    // a bare "%" is no number (it read as 0 before)
    expect(v('%')).toStrictEqual({ value: '%' });
    expect(v(' %')).toStrictEqual({ value: ' %' });
    expect(v('5 %')).toStrictEqual({ value: '5 %', numeric: 5 });
    // only a trailing % is dropped
    expect(v('5%0')).toStrictEqual({ value: '5%0' });
    expect(v(true)).toStrictEqual({});
  });

  it('status, and the achieved rubric level with its rank and name', () => {
    const r = (result: Record<string, unknown>) => readResults(rd, { result: [result] })[0];
    const levels = [{ id: 'urn:l:0', name: 'Fail' }, { id: 'urn:l:1' }, { name: 'Merit' }];
    expect(r({ status: 'Completed' })).toStrictEqual({ status: 'Completed' });
    expect(r({ status: '' })).toStrictEqual({});
    expect(r({ resultDescription: 'urn:rd:r', achievedLevel: 'urn:l:0' })).toStrictEqual({ resultDescription: 'urn:rd:r', resultDescriptionName: 'Rubric', achievedLevel: 'urn:l:0', rubric: levels, levelRank: 0, achievedLevelName: 'Fail' });
    expect(r({ resultDescription: 'urn:rd:r', achievedLevel: 'urn:l:1' })).toStrictEqual({ resultDescription: 'urn:rd:r', resultDescriptionName: 'Rubric', achievedLevel: 'urn:l:1', rubric: levels, levelRank: 1 });
    expect(r({ resultDescription: 'Rubric', achievedLevel: 'Merit' })).toStrictEqual({ resultDescription: 'Rubric', resultDescriptionName: 'Rubric', achievedLevel: 'Merit', rubric: levels, levelRank: 2, achievedLevelName: 'Merit' });
    expect(r({ resultDescription: 'urn:rd:r', achievedLevel: 'Top' })).toStrictEqual({ resultDescription: 'urn:rd:r', resultDescriptionName: 'Rubric', achievedLevel: 'Top', rubric: levels });
    expect(r({ resultDescription: 'urn:rd:g', achievedLevel: 'Fail' })).toStrictEqual({ resultDescription: 'urn:rd:g', resultDescriptionName: 'Final grade', achievedLevel: 'Fail' });
    expect(r({ achievedLevel: 'Fail' })).toStrictEqual({ achievedLevel: 'Fail' });
    expect(r({ achievedLevel: '' })).toStrictEqual({});
  });

  it('no subject or no result: no results', () => {
    expect(readResults(rd, undefined)).toStrictEqual([]);
    expect(readResults(rd, {})).toStrictEqual([]);
  });
});

// ---- digests ----
const HASHES = [['sha2-256', 'sha256', 0x12, 32], ['sha2-384', 'sha384', 0x20, 48], ['sha2-512', 'sha512', 0x13, 64]] as const;

describe('digestMultibaseOf / parseDigestMultibase (multibase u / z of a sha2 multihash)', () => {
  const abc = new TextEncoder().encode('abc');

  it('u + base64url-no-pad of (code, length, digest), sha2-384 by default', () => {
    for (const [alg, node, code] of HASHES) expect(digestMultibaseOf(abc, alg)).toBe(`u${multihash(node, code, 'abc').toString('base64url')}`);
    expect(digestMultibaseOf(abc)).toBe(`u${multihash('sha384', 0x20, 'abc').toString('base64url')}`);
    // the multihash header in base64url: 0x12 0x20 → "Ei…" (sha2-256), 0x20 0x30 → "ID…" (sha2-384), 0x13 0x40 → "E0…" (sha2-512)
    expect(digestMultibaseOf(abc, 'sha2-256').slice(0, 3)).toBe('uEi');
    expect(digestMultibaseOf(abc, 'sha2-384').slice(0, 3)).toBe('uID');
    expect(digestMultibaseOf(abc, 'sha2-512').slice(0, 3)).toBe('uE0');
  });

  it('parses the u and z forms of each algorithm', () => {
    for (const [alg, node, code] of HASHES) {
      const mh = multihash(node, code, 'abc');
      const digest = new Uint8Array(mh.subarray(2));
      expect(parseDigestMultibase(`u${mh.toString('base64url')}`)).toStrictEqual({ algorithm: alg, digest });
      expect(parseDigestMultibase(`z${base58btc(mh)}`)).toStrictEqual({ algorithm: alg, digest });
    }
  });

  it('refuses everything else, without throwing', () => {
    const mh = multihash('sha256', 0x12, 'abc');
    const u = (b: Uint8Array) => `u${Buffer.from(b).toString('base64url')}`;
    const bad: unknown[] = [undefined, null, 42, {}, '', 'u', 'uE', `m${mh.toString('base64')}`, `f${mh.toString('hex')}`, `U${mh.toString('base64url')}`,
      'u!!!!', 'z0OIl', `u${mh.toString('base64url')}=`, `u${'A'.repeat(200)}`,
      u(Buffer.concat([Buffer.from([0x11, 32]), mh.subarray(2)])), // sha1's code
      u(Buffer.concat([Buffer.from([0x12, 31]), mh.subarray(2, 33)])), // a shorter length byte
      u(Buffer.concat([Buffer.from([0x12, 48]), mh.subarray(2)])), // the length of another algorithm
      u(mh.subarray(0, 33)), u(Buffer.concat([mh, Buffer.from([0])])), u(Buffer.from([0x12])),
      // another multibase prefix before a valid base58btc multihash (only z means base58btc)
      `x${base58btc(mh)}`, `Z${base58btc(mh)}`];
    for (const v of bad) expect(parseDigestMultibase(v)).toBe(undefined);
  });
});

describe('canonicalComponentBytes / digestComponent', () => {
  // an inline context: canonicalised offline without any bundled or fetched document
  const doc = { '@context': { '@vocab': 'https://example.org/v#' }, '@id': 'urn:x', name: 'A', rank: { '@value': '1' } };
  const nquads = '<urn:x> <https://example.org/v#name> "A" .\n<urn:x> <https://example.org/v#rank> "1" .\n';

  it('a JSON-LD component: its RDFC-1.0 canonical N-Quads; key order does not matter', async () => {
    expect(new TextDecoder().decode(await canonicalComponentBytes(doc))).toBe(nquads);
    const reordered = { rank: { '@value': '1' }, name: 'A', '@id': 'urn:x', '@context': { '@vocab': 'https://example.org/v#' } };
    expect(new TextDecoder().decode(await canonicalComponentBytes(reordered))).toBe(nquads);
  });

  it('a VC-JWT component: its compact serialisation, trimmed', async () => {
    expect(new TextDecoder().decode(await canonicalComponentBytes('  eyJh.eyJi.c2ln\n'))).toBe('eyJh.eyJi.c2ln');
  });

  it('ERR_COMPONENT_CANONICALIZE for a component that is neither', async () => {
    for (const v of [null, 42, [doc], undefined, true]) {
      const e = await canonicalComponentBytes(v).then(() => undefined, (x: unknown) => x);
      expect(e).toBeInstanceOf(StackingError);
      expect(e).toMatchObject({ code: 'ERR_COMPONENT_CANONICALIZE', message: 'a component must be a credential object or a VC-JWT string' });
    }
  });

  it('ERR_COMPONENT_CANONICALIZE when canonicalisation fails (safe mode: a term without a definition), with the cause', async () => {
    const e = await canonicalComponentBytes({ '@context': { name: 'https://example.org/name' }, '@id': 'urn:x', name: 'A', undefinedTerm: 1 }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(StackingError);
    expect((e as StackingError).code).toBe('ERR_COMPONENT_CANONICALIZE');
    expect((e as StackingError).message.startsWith('the component cannot be canonicalised: ')).toBe(true);
    expect((e as StackingError).message.length).toBeGreaterThan('the component cannot be canonicalised: '.length + 5);
    expect((e as StackingError).cause).toBeInstanceOf(Error);
  });

  it('an extra context comes from `documents` (offline), else it is refused', async () => {
    const url = 'https://example.org/ctx/v1';
    const withRemote = { '@context': url, '@id': 'urn:x', name: 'A', rank: { '@value': '1' } };
    const documents = { [url]: { '@context': { '@vocab': 'https://example.org/v#' } } };
    expect(new TextDecoder().decode(await canonicalComponentBytes(withRemote, { documents }))).toBe(nquads);
    await expect(canonicalComponentBytes(withRemote)).rejects.toMatchObject({ code: 'ERR_COMPONENT_CANONICALIZE' });
  });

  it('digestComponent: the multihash of those bytes, sha2-384 unless another algorithm is asked', async () => {
    expect(await digestComponent(doc)).toBe(`u${multihash('sha384', 0x20, nquads).toString('base64url')}`);
    expect(await digestComponent(doc, { algorithm: 'sha2-256' })).toBe(`u${multihash('sha256', 0x12, nquads).toString('base64url')}`);
    expect(await digestComponent(' a.b.c ', { algorithm: 'sha2-512' })).toBe(`u${multihash('sha512', 0x13, 'a.b.c').toString('base64url')}`);
  });
});
