// @ts-nocheck
// Issue 13, end to end through the built CLI (a subprocess): a registrar minting a cohort (Bengali, Vietnamese and
// German names), an employer reading and verifying what came out. One describe per numbered item of the issue.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanup, ROOT, run, tinyPng } from './helpers.js';

const NOW = '2026-07-01T09:00:00Z';
let cli: string;
let dir: string;
let did: string;
const p = (...parts: string[]) => join(dir, ...parts);
const json = (f: string) => JSON.parse(readFileSync(p(f), 'utf8'));
const jsonl = (f: string) => readFileSync(p(f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

const achievement = (id: string, name: string) => ({ type: ['Achievement'], id: `https://tu-beispiel.example/achievements/${id}`, name, description: `${name}: Grundlagen.`, criteria: { narrative: 'Prüfung bestanden.' } });

// S003 has a broken email: one bad row
const ROSTER = [
  'student_id,email,grade,awarded_date',
  'S001,anna.mueller@tu-beispiel.example,A,2026-06-30',
  'S002,nguyen.van.an@tu-beispiel.example,B,2026-06-30',
  'S003,rabindranath-at-tu-beispiel.example,C,2026-06-30',
  'S004,sumaiya.akter@tu-beispiel.example,A,2026-06-30',
].join('\n') + '\n';

beforeAll(async () => {
  ({ cli, dir } = await buildCli());
  writeFileSync(p('data.json'), JSON.stringify(achievement('datenkompetenz', 'Datenkompetenz')));
  writeFileSync(p('python.json'), JSON.stringify(achievement('lap-trinh-python', 'Lập trình Python')));
  writeFileSync(p('roster.csv'), ROSTER);
  const k = await run(cli, ['keygen', '--out', p('uni.key.json')]);
  expect(k.code).toBe(0);
  did = json('uni.key.json').controller;
}, 180_000);
afterAll(() => cleanup(dir));

describe('1. a file is a file, whatever its name', () => {
  it('anna.data-literacy.json and nguyen.van-an.png verify (not taken for JWTs)', async () => {
    const i = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('data.json'), '--recipient', 'did:example:anna-mueller', '--issuer-name', 'Technische Universität Beispiel', '--now', NOW, '-o', p('anna.data-literacy.json')]);
    expect(i.code).toBe(0);
    writeFileSync(p('plain.png'), await tinyPng());
    const b = await run(cli, ['bake', '--image', p('plain.png'), '--credential', p('anna.data-literacy.json'), '--out', p('nguyen.van-an.png')]);
    expect(b.code).toBe(0);
    const v = await run(cli, ['verify', p('anna.data-literacy.json'), p('nguyen.van-an.png'), '--now', NOW]);
    expect(v.stdout).not.toContain('ERR_JWT_MALFORMED');
    expect(v.stdout).toContain('2 verified, 0 failed');
    expect(v.code).toBe(0);
  });
});

describe('2. no CSV column is silently unused', () => {
  const fullTemplate = () => ({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: did, type: ['Profile'], name: 'Technische Universität Beispiel' },
    name: 'Datenkompetenz',
    credentialSubject: { type: ['AchievementSubject'], achievement: achievement('datenkompetenz', 'Datenkompetenz') },
  });

  it('a full-credential template gets recipient, result and award date from the email, student_id, grade and awarded_date columns', async () => {
    writeFileSync(p('full.json'), JSON.stringify(fullTemplate()));
    writeFileSync(p('full.csv'), 'student_id,email,grade,awarded_date,ghi_chu\nS101,tran.thi.mai@tu-beispiel.example,B,2026-06-30,học bổng\n');
    const r = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('full.json'), '-r', p('full.csv'), '-o', p('full.jsonl'), '--now', NOW, '-q', '--salt', 'pepper']);
    expect(r.code).toBe(0);
    const [rec] = jsonl('full.jsonl');
    const subject = rec.credential.credentialSubject;
    expect(subject.identifier.map((x: any) => x.identityType)).toEqual(['emailAddress', 'sisSourcedId']);
    expect(subject.result).toEqual([{ type: ['Result'], value: 'B' }]);
    expect(rec.credential.awardedDate).toBe('2026-06-30T00:00:00Z');
    // the one column nothing uses is named in a warning
    expect(r.stderr).toContain('warning: roster column(s) "ghi_chu" would not be used');
  });

  it('--strict refuses that roster before signing anything', async () => {
    const r = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('full.json'), '-r', p('full.csv'), '-o', p('strict.jsonl'), '--now', NOW, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"ghi_chu" would not be used');
    expect(existsSync(p('strict.jsonl'))).toBe(false);
  });
});

describe('3. learners are not mixed up', () => {
  beforeAll(async () => {
    const [a, b] = await Promise.all([
      run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('data.json'), '--recipient', 'anna.mueller@tu-beispiel.example', '--now', NOW, '-o', p('anna-data.json')]),
      run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('python.json'), '--recipient', 'nguyen.van.an@tu-beispiel.example', '--now', NOW, '-o', p('an-python.json')]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    writeFileSync(p('rule.json'), JSON.stringify({
      id: 'https://tu-beispiel.example/rules/data-python', type: 'StackingRule', name: 'Data + Python', awards: 'https://tu-beispiel.example/achievements/data-science',
      condition: { kind: 'all', conditions: [
        { kind: 'has', label: 'Datenkompetenz', match: { achievementIds: ['https://tu-beispiel.example/achievements/datenkompetenz'] } },
        { kind: 'has', label: 'Lập trình Python', match: { achievementIds: ['https://tu-beispiel.example/achievements/lap-trinh-python'] } },
      ] },
    }));
  });

  it('two learners’ email badges do not stack into one SATISFIED evaluation', async () => {
    const [anon, anna] = await Promise.all([
      run(cli, ['stack', '--rule', p('rule.json'), p('anna-data.json'), p('an-python.json'), '--now', NOW]),
      run(cli, ['stack', '--rule', p('rule.json'), p('anna-data.json'), p('an-python.json'), '--now', NOW, '--learner', 'anna.mueller@tu-beispiel.example']),
    ]);
    expect(anon.stdout).toContain('not satisfied');
    expect(anon.stdout).toContain('ERR_LEARNER_REQUIRED');
    expect(anon.stdout).toContain('--learner');
    expect(anon.stdout).not.toContain('option learner');
    expect(anon.code).toBe(1);
    expect(anna.stdout).toMatch(/ignored .*an-python\.json\s+ERR_OTHER_LEARNER/);
    expect(anna.code).toBe(1);
  });

  it('bundle --learner mailto:… refuses another learner’s badge; verify --learner refuses it too', async () => {
    const [bundle, ok, verify] = await Promise.all([
      run(cli, ['bundle', '-k', p('uni.key.json'), p('anna-data.json'), p('an-python.json'), '--learner', 'mailto:anna.mueller@tu-beispiel.example', '--now', NOW, '-o', p('mixed-clr.json')]),
      run(cli, ['bundle', '-k', p('uni.key.json'), p('anna-data.json'), '--learner', 'anna.mueller@tu-beispiel.example', '--now', NOW, '-o', p('anna-clr.json')]),
      run(cli, ['verify', p('an-python.json'), '--learner', 'anna.mueller@tu-beispiel.example', '--now', NOW]),
    ]);
    expect(bundle.code).toBe(2);
    expect(bundle.stderr).toContain('ERR_OTHER_LEARNER');
    expect(existsSync(p('mixed-clr.json'))).toBe(false);
    expect(ok.code).toBe(0);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('learner: ERR_OTHER_LEARNER');
    const clr = await run(cli, ['verify', p('anna-clr.json'), '--learner', 'nguyen.van.an@tu-beispiel.example', '--now', NOW]);
    expect(clr.code).toBe(1);
    expect(clr.stdout).toContain('ERR_OTHER_LEARNER');
  });
});

describe('4. a fresh clone: the tests and CI need nothing made by hand', () => {
  it('the CLI under test lives in the OS temp dir, and .ci/run runs the README commands without preparing .tmp', () => {
    expect(dir.startsWith(tmpdir())).toBe(true);
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).not.toContain('mkdir -p .tmp');
    expect(ci).toMatch(/^npm ci /m);
    expect(ci).toMatch(/npm run demo/);
    expect(ci).toMatch(/npm test -- --reporter=default --reporter=json --outputFile="\$report"/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').slice(0, 20).join('\n');
    expect(readme).toContain('npm ci && npm test');
  });
});

describe('5. status: --documents DIR offline, --online on purpose, never a false "ok"', () => {
  beforeAll(async () => {
    const c = await run(cli, ['status', 'create', p('st.json'), '--id', 'https://tu-beispiel.example/status/1', '--key', p('uni.key.json')]);
    expect(c.code).toBe(0);
    const i = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('data.json'), '-r', p('roster.csv'), '-o', p('cohort.jsonl'), '--status-list', p('st.json'), '--now', NOW, '--issuer-name', 'Technische Universität Beispiel']);
    expect(i.code).toBe(1); // S003
    const s = await run(cli, ['status', 'sign', p('st.json'), '--key', p('uni.key.json'), '--out', p('lists', 'status-1.json'), '--now', NOW]);
    expect(s.code).toBe(0);
  });

  it('without the list: FAIL naming --online and --documents DIR; with --documents DIR: ok', async () => {
    const [none, docs] = await Promise.all([
      run(cli, ['verify', p('cohort.jsonl'), '--now', NOW]),
      run(cli, ['verify', p('cohort.jsonl'), '--now', NOW, '--documents', p('lists')]),
    ]);
    expect(none.code).toBe(1);
    expect(none.stdout).not.toMatch(/^ok /m);
    expect(none.stdout).toContain('revocation status unknown');
    expect(none.stdout).toContain('--online');
    expect(none.stdout).toContain('--documents DIR');
    expect(none.stdout).toContain('0 verified, 3 failed');
    expect(docs.stdout).toContain('3 verified, 0 failed');
    expect(docs.code).toBe(0);
  });

  it('--online fetches https to public hosts only: a loopback list URL is refused, and nothing is "ok"', async () => {
    const c = await run(cli, ['status', 'create', p('local.json'), '--id', 'https://127.0.0.1/status/1', '--key', p('uni.key.json')]);
    expect(c.code).toBe(0);
    const i = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('data.json'), '--recipient', 'did:example:sumaiya', '--status-list', p('local.json'), '--now', NOW, '-o', p('local-badge.json')]);
    expect(i.code).toBe(0);
    const v = await run(cli, ['verify', p('local-badge.json'), '--online', '--timeout', '2', '--now', NOW]);
    expect(v.code).toBe(1);
    // the loader's SSRF guard refuses the URL before anything is fetched: no "fetched" line, and a failure naming it
    // fail closed: the status is unavailable, and the guard names the refused host
    expect(v.stdout).toContain('status: ERR_STATUS_UNAVAILABLE');
    expect(v.stdout).toContain('refusing to fetch https://127.0.0.1/status/1: host 127.0.0.1 is not a public address');
    expect(v.stdout).not.toMatch(/^\s*fetched https/m); // no fetch line (the guard's own text says "only https URLs to public hosts are fetched")
    expect(v.stdout).toContain('0 verified, 1 failed');
  });
});

describe('6. reading a badge: show, the verify summary, trust lists', () => {
  it('show prints learner, achievement, issuer + trust, dates, grade, status', async () => {
    const r = await run(cli, ['show', p('cohort.jsonl'), '--documents', p('lists'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/achievement\s+Datenkompetenz/);
    expect(r.stdout).toMatch(/learner\s+hashed email \+ hashed student id/);
    expect(r.stdout).toContain(`issuer      "Technische Universität Beispiel" ${did}`);
    expect(r.stdout).toMatch(/trusted\s+not checked/);
    expect(r.stdout).toMatch(/awarded\s+2026-06-30T00:00:00Z/);
    expect(r.stdout).toMatch(/grade\s+A/);
    expect(r.stdout).toMatch(/status\s+not revoked/);
    expect(r.stdout).toContain('issuer not on your trust list (none given)');
  });

  it('verify prints the summary line; a self-made did:key claiming a university name is not on the trust list', async () => {
    writeFileSync(p('trusted.txt'), '# issuers we accept\ndid:web:tu-beispiel.example Technische Universität Beispiel\n');
    const [other, mine] = await Promise.all([
      run(cli, ['verify', p('anna.data-literacy.json'), '--trust-list', p('trusted.txt'), '--now', NOW]),
      run(cli, ['verify', p('anna.data-literacy.json'), '--trusted-issuer', did, '--now', NOW]),
    ]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('"Datenkompetenz" → did:example:anna-mueller');
    expect(other.stdout).toContain('NOT on your trust list');
    expect(other.stdout).toContain('issuer not on your trust list');
    expect(other.stdout).not.toContain('trustedIssuers');
    expect(mine.code).toBe(0);
    expect(mine.stdout).toContain(`issuer "Technische Universität Beispiel" ${did} (trusted)`);
  });
});

describe('7. the registrar workflow', () => {
  it('--dry-run checks every row and writes nothing', async () => {
    const r = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('data.json'), '-r', p('roster.csv'), '-o', p('dry.jsonl'), '--now', NOW, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ok    line 2 (S001): "Datenkompetenz" → hashed emailAddress + hashed sisSourcedId');
    expect(r.stdout).toMatch(/FAIL {2}line 4 \(S003\): the email column: expected an email address/);
    expect(r.stdout).toContain('dry run: 3 would be issued, 1 would fail');
    expect(readdirSync(dir).filter((f) => f.startsWith('dry'))).toEqual([]);
  });

  it('the issued manifest and the failed rows are CSV files beside the output', () => {
    const manifest = readFileSync(p('cohort.manifest.csv'), 'utf8').trim().split('\n');
    expect(manifest[0]).toBe('row_key,roster_line,credential_id,output,status_list,status_index');
    expect(manifest.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['S001', 'S002', 'S004']);
    const ids = jsonl('cohort.jsonl').map((r) => r.credential.id).sort();
    expect(manifest.slice(1).map((l) => l.split(',')[2]).sort()).toEqual(ids);
    const failed = readFileSync(p('cohort.failed.csv'), 'utf8').trim().split('\n');
    expect(failed[0]).toBe('student_id,email,grade,awarded_date,error');
    expect(failed[1]).toMatch(/^S003,rabindranath-at-tu-beispiel\.example,C,2026-06-30,line 4: /);
    expect(failed).toHaveLength(2);
  });

  it('revoke by student id and by email; twice says "already revoked"; status show lists them with their row', async () => {
    const a = await run(cli, ['status', 'revoke', p('st.json'), 'S001', 'sumaiya.akter@tu-beispiel.example', '--cohort', p('cohort.jsonl')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^revoked S001 .*\(index \d+\)/m);
    expect(a.stdout).toMatch(/^revoked sumaiya\.akter@tu-beispiel\.example .*\(index \d+\)/m);
    const b = await run(cli, ['status', 'revoke', p('st.json'), `${p('cohort.jsonl')}:1`, '--cohort', p('cohort.jsonl')]);
    expect(b.stdout).toMatch(/already revoked/);
    const s = await run(cli, ['status', 'show', p('st.json'), '--cohort', p('cohort.jsonl')]);
    expect(s.stdout).toContain('2 revoked');
    expect(s.stdout.match(/REVOKED {2}S00[14] /g)?.length).toBe(2);
  });

  it('a resume with another template refuses unless --force', async () => {
    const args = ['issue', '-k', p('uni.key.json'), '-t', p('python.json'), '-r', p('roster.csv'), '-o', p('cohort.jsonl'), '--status-list', p('st.json'), '--now', NOW, '--issuer-name', 'Technische Universität Beispiel', '-q'];
    const refused = await run(cli, args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('was started with different settings: the template');
    expect(jsonl('cohort.jsonl')).toHaveLength(3);
    const forced = await run(cli, [...args, '--force']);
    expect(forced.stdout).toContain('issued 0, skipped 3 (already issued), failed 1');
  });
});

describe('8. authoring without TypeScript: credstack init', () => {
  it('writes a commented template with all 11 EU elements that issue reads as it is', async () => {
    const i = await run(cli, ['init', '--out', p('init', 'achievement.json')]);
    expect(i.code).toBe(0);
    const text = readFileSync(p('init', 'achievement.json'), 'utf8');
    for (let n = 1; n <= 11; n++) expect(text, `[EU ${n}]`).toContain(`[EU ${n}]`);
    expect(text).toContain('"unit": "hours"');
    expect(text).toContain('"framework": "DQR"');
    writeFileSync(p('init', 'roster.csv'), 'student_id,email,grade,awarded_date\nS201,le.thi.thu@tu-beispiel.example,A,2026-06-30\n');
    const r = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('init', 'achievement.json'), '-r', p('init', 'roster.csv'), '-o', p('init', 'cohort.jsonl'), '--now', NOW, '-q']);
    expect(r.code).toBe(0);
    const c = await run(cli, ['check-microcredential', p('init', 'cohort.jsonl')]);
    expect(c.stdout).toContain('complete: all mandatory elements present');
    expect(c.code).toBe(0);
  });
});

describe('9. dates: issuing past awards now', () => {
  it('awarded 2023, valid until 2024, issued in 2026: validFrom comes from awarded_date', async () => {
    writeFileSync(p('old.csv'), 'student_id,email,awarded_date,valid_until\nS301,jonas.schaefer@tu-beispiel.example,2023-06-30,2024-06-30\n');
    const r = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('data.json'), '-r', p('old.csv'), '-o', p('old.jsonl'), '--now', NOW, '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [rec] = jsonl('old.jsonl');
    expect([rec.credential.validFrom, rec.credential.awardedDate, rec.credential.validUntil]).toEqual(['2023-06-30T00:00:00Z', '2023-06-30T00:00:00Z', '2024-06-30T00:00:00Z']);
  });
});

describe('10. messages', () => {
  it('an unknown option is one clean line naming the option', async () => {
    const r = await run(cli, ['verify', '--onlin', p('anna.data-literacy.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('credstack: error: unknown option --onlin for credstack verify (did you mean --online?); see credstack verify --help\n');
  });

  it('warnings print their text; library wording is translated into flags', async () => {
    const body = { ...json('anna.data-literacy.json') };
    delete body.proof;
    body.issuer = { id: 'did:web:tu-beispiel.example', type: ['Profile'], name: 'TU Beispiel' };
    const { id: _id, ...subject } = body.credentialSubject;
    writeFileSync(p('web.json'), JSON.stringify({ ...body, credentialSubject: subject }));
    const r = await run(cli, ['verify', p('web.json'), '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/warning subject: W_\w+ credentialSubject has neither id nor identifier/);
    expect(r.stdout).not.toMatch(/`documents`|explicit fetch/);
  });

  it('a cohort run’s last progress line (not a terminal) ends with a newline', async () => {
    writeFileSync(p('tiny.csv'), 'student_id,email\nS401,mai.anh@tu-beispiel.example\n');
    const r = await run(cli, ['issue', '-k', p('uni.key.json'), '-t', p('data.json'), '-r', p('tiny.csv'), '-o', p('tiny.jsonl'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/issuing 1\/1 \(\d+\/s\)\n$/);
  });

  it('verify … | head: the closed pipe ends the run quietly', async () => {
    const files = Array.from({ length: 40 }, () => p('anna.data-literacy.json'));
    const res = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, 'verify', ...files, '--now', NOW], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(141);
  });
});
