// @ts-nocheck
// The built CLI as a subprocess: success paths, error paths (missing file, bad CSV row, wrong key, tampered
// credential), exit codes. Resume after a killed cohort is in resume.test.ts.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importKeyPair } from '../../src/keys/keypair.js';
import { aiAchievement, networkIssuer } from '../../examples/microcredentials/network.js';
import { buildCli, cleanup, run, tinyPng } from './helpers.js';

// A test runs up to ten CLI processes one after another (each a Node start-up plus jsonld): on a loaded shared machine
// that took more than the default 60 s. The timeout only guards against hangs; no test asserts speed.
vi.setConfig({ testTimeout: 300_000 });

const NOW = '2026-07-01T09:00:00Z';
let cli: string;
let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);

const achievement = {
  type: ['Achievement'],
  id: 'https://uni.example/achievements/data-literacy',
  name: 'Data Literacy',
  description: 'Reads, cleans and questions data.',
  criteria: { narrative: 'Passed the final exam.' },
};

beforeAll(async () => {
  ({ cli, dir } = await buildCli());
  writeFileSync(p('achievement.json'), JSON.stringify(achievement));
  // line 4 has a bad email, line 5-6 is one record with a quoted line break, line 7 has too many columns
  writeFileSync(
    p('roster.csv'),
    'student_id,email,grade,awarded_date\r\nS001,ada@uni.example,A,2026-06-30\r\nS002,bob@uni.example,B,2026-06-30\r\nS003,not-an-email,C,2026-06-30\r\n"S004",cy@uni.example,"A\r\n",2026-06-30\r\nS005,dee@uni.example,B,2026-06-30,extra\r\nS006,eve@uni.example,,2026-06-30\r\n',
  );
});
afterAll(() => cleanup(dir));

// Each test makes what it needs (issue 21: every `it` passes alone with `-t`): the shared files are made on first use,
// once per file run, by these helpers — never by another test.
const made = new Map<string, Promise<string>>();
function once(name: string, make: (file: string) => Promise<void>): Promise<string> {
  let m = made.get(name);
  if (!m) {
    m = make(p(name)).then(() => p(name));
    made.set(name, m);
  }
  return m;
}
async function mustPass(r: Promise<{ code: number | null; stderr: string }>): Promise<void> {
  const x = await r;
  if (x.code !== 0) throw new Error(`set-up command failed (${x.code}): ${x.stderr}`);
}
/** A key file made by `credstack keygen`. */
const keyFile = (name: 'issuer' | 'other') => once(`${name}.key.json`, (f) => mustPass(run(cli, ['keygen', '--out', f])));
/** one.json: a credential for did:example:ada signed with the issuer key. */
const oneJson = () =>
  once('one.json', async (f) => {
    await mustPass(run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '--recipient', 'did:example:ada', '--now', NOW, '-o', f]));
  });
/** `<tag>.json` with a credentialStatus entry in the revocation list `<tag>-status.json` (id …/status/<tag>). */
async function withStatus(tag: string): Promise<{ cred: string; list: string }> {
  const key = await keyFile('issuer');
  const list = p(`${tag}-status.json`);
  await mustPass(run(cli, ['status', 'create', list, '--id', `https://uni.example/status/${tag}`, '--key', key]));
  await mustPass(run(cli, ['issue', '-k', key, '-t', p('achievement.json'), '--recipient', 'did:example:sam', '--status-list', list, '--now', NOW, '-o', p(`${tag}.json`)]));
  return { cred: p(`${tag}.json`), list };
}

describe('help and usage', () => {
  it('prints the command list, and each command has --help with an example', async () => {
    const top = await run(cli, ['--help']);
    expect(top.code).toBe(0);
    const names = ['keygen', 'issue', 'verify', 'check-microcredential', 'status', 'stack', 'bundle', 'unbundle', 'bake', 'extract'];
    for (const n of names) expect(top.stdout).toContain(`  ${n}`);
    const helps = await Promise.all(names.map((n) => run(cli, [n, '--help'])));
    helps.forEach((h, i) => {
      expect(h.code, names[i]).toBe(0);
      expect(h.stdout).toContain('Example:');
      expect(h.stdout).toContain(`credstack ${names[i]}`);
    });
  });

  it('unknown commands and options are usage errors (exit 2) with a hint and no stack trace', async () => {
    const a = await run(cli, ['isue']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^credstack: error: unknown command "isue"\nhint: did you mean credstack issue/);
    const b = await run(cli, ['verify', '--bogus', 'x.json']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('credstack: error:');
    expect(b.stderr).toBe('credstack: error: unknown option --bogus for credstack verify; see credstack verify --help\n');
    noStack(a.stderr + b.stderr);
  });
});

describe('keygen', () => {
  it('writes a 0600 key file, prints the DID, never the secret, and refuses to overwrite', async () => {
    const r = await run(cli, ['keygen', '--out', p('keygen.key.json')]);
    expect(r.code).toBe(0);
    expect(statSync(p('keygen.key.json')).mode & 0o777).toBe(0o600);
    const key = JSON.parse(readFileSync(p('keygen.key.json'), 'utf8'));
    expect(typeof key.secretKeyMultibase).toBe('string');
    expect(r.stdout).toContain(`did:    ${key.controller}`);
    expect(r.stdout + r.stderr).not.toContain(key.secretKeyMultibase);
    const [again, second] = await Promise.all([run(cli, ['keygen', '--out', p('keygen.key.json')]), run(cli, ['keygen', '--out', p('keygen2.key.json')])]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('hint: choose another --out or pass --force');
    expect(JSON.parse(readFileSync(p('keygen.key.json'), 'utf8')).secretKeyMultibase).toBe(key.secretKeyMultibase);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(readFileSync(p('keygen2.key.json'), 'utf8')).controller).not.toBe(key.controller);
  });

  it('makes a did:web key and prints its DID document without secrets', async () => {
    const r = await run(cli, ['keygen', '--out', p('web.key.json'), '--did-web', 'did:web:uni.example', '--did-document', '-']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.id).toBe('did:web:uni.example');
    expect(doc.assertionMethod).toEqual(['did:web:uni.example#key-1']);
    expect(r.stdout).not.toContain('secretKeyMultibase');
    const bad = await run(cli, ['keygen', '--out', p('x.key.json'), '--did-web', 'https://uni.example']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^credstack: error: .*did-web/);
    expect(existsSync(p('x.key.json'))).toBe(false);
  });
});

describe('issue and verify', () => {
  it('issues one credential from an achievement template and verifies it (exit 0)', async () => {
    const r = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '--recipient', 'did:example:ada', '--now', NOW, '-o', p('issued.json')]);
    expect(r.code, r.stderr).toBe(0);
    const cred = JSON.parse(readFileSync(p('issued.json'), 'utf8'));
    expect(cred.credentialSubject.id).toBe('did:example:ada');
    expect(cred.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    const v = await run(cli, ['verify', p('issued.json'), '--now', NOW]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^ok {4}.*issued\.json {2}"Data Literacy"/m);
    expect(v.stdout).toContain('1 verified, 0 failed');
  });

  it('issues a VC-JWT to stdout; verify reads it from a file', async () => {
    const r = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '--recipient', 'eve@uni.example', '--format', 'jwt', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    writeFileSync(p('one.jwt'), r.stdout);
    const v = await run(cli, ['verify', p('one.jwt'), '--json', '--now', NOW]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)[0]).toMatchObject({ verified: true, name: 'Data Literacy' });
  });

  it('a cohort: bad rows are reported with their CSV line, the rest are issued, exit 1; a rerun skips issued rows', async () => {
    const args = ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '-r', p('roster.csv'), '-o', p('cohort.jsonl'), '--issuer-name', 'Uni', '--now', NOW];
    const r = await run(cli, args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 4 \(S003\): .*email/);
    expect(r.stderr).toMatch(/line 7 \(S005\): expected 4 columns/);
    expect(r.stdout).toContain('issued 4, skipped 0 (already issued), failed 2 — 6 rows');
    noStack(r.stderr);
    const lines = readFileSync(p('cohort.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.key, l.line])).toEqual([['S001', 2], ['S002', 3], ['S004', 5], ['S006', 8]]);
    expect(lines[2].credential.credentialSubject.result[0].value).toBe('A');
    expect(lines[0].credential.credentialSubject.identifier[0]).toMatchObject({ identityType: 'emailAddress', hashed: true });
    expect(JSON.stringify(lines)).not.toContain('ada@uni.example');

    const again = await run(cli, args);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('issued 0, skipped 4 (already issued), failed 2');
    expect(readFileSync(p('cohort.jsonl'), 'utf8').trim().split('\n')).toHaveLength(4);

    const v = await run(cli, ['verify', p('cohort.jsonl'), '--now', NOW]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('4 verified, 0 failed');
  });

  it('a cohort into a folder: one file per learner', async () => {
    writeFileSync(p('small.csv'), 'did,grade\ndid:example:1,A\ndid:example:2,B\n');
    const r = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '-r', p('small.csv'), '-o', p('creds'), '--now', NOW, '-q']);
    expect(r.code, r.stderr).toBe(0);
    // literal names (not computed by fileNameForKey, the code under test): unsafe characters become "_", plus the first
    // 8 hex digits of SHA-256 of the original key — `node -e 'require("crypto").createHash("sha256").update("did:example:1").digest("hex")'`
    expect(readdirSync(p('creds')).sort()).toEqual(['did_example_1-44a963c5.json', 'did_example_2-5b06622c.json']);
    const v = await run(cli, ['verify', p('creds'), '--now', NOW]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('2 verified, 0 failed');
  });

  it('a cohort signed in worker threads (--workers 2): same output, all verify', async () => {
    let csv = 'did,grade\n';
    for (let i = 0; i < 24; i++) csv += `did:example:w${i},A\n`;
    writeFileSync(p('workers.csv'), csv);
    const r = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '-r', p('workers.csv'), '-o', p('workers.jsonl'), '--now', NOW, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const recs = readFileSync(p('workers.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => x.line)).toEqual([...Array(24).keys()].map((i) => i + 2));
    const v = await run(cli, ['verify', p('workers.jsonl'), '--now', NOW, '-q']);
    expect(v.stdout.trim()).toBe('24 verified, 0 failed');
  });

  it('wrong key: the template names another issuer → exit 2 with the issuer mismatch and a hint', async () => {
    const other = JSON.parse(readFileSync(await keyFile('other'), 'utf8'));
    writeFileSync(p('foreign.json'), JSON.stringify({ achievement, issuer: { id: other.controller, type: ['Profile'], name: 'Other' } }));
    const r = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('foreign.json'), '-r', p('roster.csv'), '-o', p('never.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ERR_ISSUER_MISMATCH');
    expect(r.stderr).toContain('hint: sign with the key that controls the issuer DID');
    noStack(r.stderr);
  });

  it('missing files are input errors (exit 2) naming the file, with a hint', async () => {
    const [a, b, c] = await Promise.all([
      run(cli, ['issue', '-k', p('nope.key.json'), '-t', p('achievement.json'), '--recipient', 'did:example:x']),
      run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '-r', p('nope.csv'), '-o', p('x.jsonl')]),
      run(cli, ['verify', p('nope.json')]),
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`key file not found: ${p('nope.key.json')}`);
    expect(a.stderr).toContain('hint: create a key with: credstack keygen');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`roster not found: ${p('nope.csv')}`);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('file not found');
    noStack(a.stderr + b.stderr + c.stderr);
  });

  it('--debug adds the stack trace', async () => {
    const r = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '--recipient', 'not a uri', '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('a tampered credential fails verification (exit 1) and says why; mixed input still exits 1', async () => {
    const one = await oneJson();
    const cred = JSON.parse(readFileSync(one, 'utf8'));
    cred.credentialSubject.achievement.name = 'Rocket Science';
    writeFileSync(p('tampered.json'), JSON.stringify(cred));
    const [r, j] = await Promise.all([
      run(cli, ['verify', p('tampered.json'), one, '--now', NOW]),
      run(cli, ['verify', p('tampered.json'), '--json', '--now', NOW]),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}.*tampered\.json/m);
    expect(r.stdout).toMatch(/proof: /);
    expect(r.stdout).toContain('1 verified, 1 failed');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)[0].verified).toBe(false);
  });

  it('--trusted-issuer rejects credentials from others', async () => {
    const one = await oneJson();
    const other = JSON.parse(readFileSync(await keyFile('other'), 'utf8'));
    const r = await run(cli, ['verify', one, '--trusted-issuer', other.controller, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ERR_ISSUER_UNTRUSTED');
    expect(r.stdout).toContain('0 verified, 1 failed');
  });
});

describe('status lists', () => {
  it('create → issue with an entry → sign → verify ok → revoke → sign → verify fails', async () => {
    const key = ['--key', await keyFile('issuer')];
    const created = await run(cli, ['status', 'create', p('status.json'), '--id', 'https://uni.example/status/1', ...key]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^revocation list https:\/\/uni\.example\/status\/1: 0 of 131072 entries allocated/);
    const i = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('achievement.json'), '--recipient', 'did:example:sam', '--status-list', p('status.json'), '--now', NOW, '-o', p('sam.json')]);
    expect(i.code, i.stderr).toBe(0);
    const signedList = await run(cli, ['status', 'sign', p('status.json'), ...key, '--now', NOW, '-o', p('list.json')]);
    expect(signedList.code, signedList.stderr).toBe(0);
    expect(signedList.stdout).toContain('signed https://uni.example/status/1 → ');
    expect(JSON.parse(readFileSync(p('list.json'), 'utf8'))).toMatchObject({ id: 'https://uni.example/status/1', type: ['VerifiableCredential', 'BitstringStatusListCredential'] });
    const ok = await run(cli, ['verify', p('sam.json'), '-d', p('list.json'), '--now', NOW]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 verified, 0 failed');
    const rv = await run(cli, ['status', 'revoke', p('status.json'), p('sam.json')]);
    expect(rv.code, rv.stderr).toBe(0);
    expect(rv.stdout).toMatch(/^revoked .*sam\.json \(index \d+\) in https:\/\/uni\.example\/status\/1/);
    await run(cli, ['status', 'sign', p('status.json'), ...key, '--now', NOW, '-o', p('list.json')]);
    const v = await run(cli, ['verify', p('sam.json'), '-d', p('list.json'), '--now', NOW]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('ERR_STATUS_REVOKED');
    const re = await run(cli, ['status', 'reinstate', p('status.json'), p('sam.json')]);
    expect(re.code).toBe(2);
    expect(re.stderr).toContain('revocation is permanent');
  });

  it('verify never prints "ok" for a credential whose status could not be checked (no list given) unless allowed', async () => {
    // the credential carries a credentialStatus entry; its list is not given
    const { cred } = await withStatus('unchecked');
    const v = await run(cli, ['verify', cred, '--now', NOW]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/^FAIL /m);
    expect(v.stdout).not.toMatch(/^ok /m);
    expect(v.stdout).toContain('ERR_STATUS_UNAVAILABLE');
    const a = await run(cli, ['verify', cred, '--now', NOW, '--allow-status-unavailable']);
    // the caller accepted unchecked status: the status check is a warning, never a pass (its list was not given)
    expect(a.code, a.stdout).toBe(0);
    expect(a.stdout).toMatch(/^ok /m);
    expect(a.stdout).toMatch(/^\s+warning status: W_STATUS_UNCHECKED /m);
  });

  it('suspend and reinstate on a suspension list; bad action is a usage error', async () => {
    const created = await run(cli, ['status', 'create', p('susp.json'), '--id', 'https://uni.example/status/2', '--purpose', 'suspension', '--key', await keyFile('issuer')]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^suspension list https:\/\/uni\.example\/status\/2: /);
    const s = await run(cli, ['status', 'suspend', p('susp.json'), '7', '--force']);
    expect(s.code, s.stderr).toBe(0);
    const show = await run(cli, ['status', 'show', p('susp.json'), '7', '8']);
    expect(show.stdout).toMatch(/\b7 {2}SUSPENDED\n\s+8 {2}valid/);
    expect((await run(cli, ['status', 'reinstate', p('susp.json'), '7', '--force'])).code).toBe(0);
    expect((await run(cli, ['status', 'show', p('susp.json'), '7'])).stdout).toMatch(/\b7 {2}valid/);
    expect((await run(cli, ['status', 'frobnicate', p('susp.json')])).code).toBe(2);
  });
});

describe('bake / extract, bundle / unbundle, check-microcredential', () => {
  it('bakes a credential into a PNG, verifies the image, extracts it unchanged', async () => {
    const one = await oneJson();
    writeFileSync(p('badge.png'), await tinyPng());
    const b = await run(cli, ['bake', '--image', p('badge.png'), '--credential', one, '--out', p('baked.png')]);
    expect(b.code, b.stderr).toBe(0);
    const [vb, e, notImage, plain] = await Promise.all([
      run(cli, ['verify', p('baked.png'), '--now', NOW]),
      run(cli, ['extract', p('baked.png')]),
      run(cli, ['extract', one]),
      run(cli, ['extract', p('badge.png')]),
    ]);
    expect(vb.code).toBe(0);
    expect(vb.stdout).toContain('1 verified, 0 failed');
    expect(e.code).toBe(0);
    expect(JSON.parse(e.stdout)).toEqual(JSON.parse(readFileSync(one, 'utf8')));
    expect(notImage.code).toBe(2);
    expect(notImage.stderr).toContain('neither a PNG nor an SVG');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^credstack: error: /);
    expect(plain.stderr).toContain('PNG holds no baked credential');
  });

  it('bundles two credentials into a CLR, verifies it, unbundles them unchanged', async () => {
    const one = await oneJson();
    // two credentials for the same learner
    await run(cli, ['issue', '-k', await keyFile('other'), '-t', p('achievement.json'), '--recipient', 'did:example:ada', '--now', NOW, '-o', p('ada2.json')]);
    const b = await run(cli, ['bundle', '-k', await keyFile('issuer'), one, p('ada2.json'), '--now', NOW, '-o', p('clr.json')]);
    expect(b.code, b.stderr).toBe(0);
    const clr = JSON.parse(readFileSync(p('clr.json'), 'utf8'));
    expect(clr.type).toContain('ClrCredential');
    const [v, u, notPortfolio] = await Promise.all([
      run(cli, ['verify', p('clr.json'), '--now', NOW]),
      run(cli, ['unbundle', p('clr.json'), '--out-dir', p('unbundled')]),
      run(cli, ['unbundle', one]),
    ]);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toContain('CLR with 2/2 credentials verified');
    expect(u.code).toBe(0);
    const files = readdirSync(p('unbundled'));
    expect(files).toHaveLength(2);
    const originals = [readFileSync(one, 'utf8'), readFileSync(p('ada2.json'), 'utf8')].map((t) => JSON.parse(t));
    for (const f of files) expect(originals).toContainEqual(JSON.parse(readFileSync(p('unbundled', f), 'utf8')));
    const vu = await run(cli, ['verify', p('unbundled'), '--now', NOW]);
    expect(vu.code).toBe(0);
    expect(vu.stdout).toContain('2 verified, 0 failed');
    expect(notPortfolio.code).toBe(2);
    expect(notPortfolio.stderr).toContain('ERR_NOT_PORTFOLIO');
  });

  it('check-microcredential: exit 0 for a complete EU micro-credential, 1 for a bare badge', async () => {
    const one = await oneJson();
    const key = importKeyPair(JSON.parse(readFileSync(await keyFile('issuer'), 'utf8')));
    writeFileSync(p('mc.json'), JSON.stringify({ achievement: aiAchievement, issuer: networkIssuer(key) }));
    const i = await run(cli, ['issue', '-k', await keyFile('issuer'), '-t', p('mc.json'), '--recipient', 'did:example:ada', '--now', NOW, '-o', p('mc-signed.json')]);
    expect(i.code, i.stderr).toBe(0);
    const [ok, bare] = await Promise.all([run(cli, ['check-microcredential', p('mc-signed.json')]), run(cli, ['check-microcredential', one, '--json'])]);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('complete: all mandatory elements present');
    expect(bare.code).toBe(1);
    expect(JSON.parse(bare.stdout).missing).toContain('workload');
  });
});

describe('stack', () => {
  it('evaluates a rule over a folder (exit 1 when not satisfied, 0 when satisfied) and issues the stacked credential', async () => {
    const { signExample } = await import('../../examples/microcredentials/network.js');
    const { certificateRule, certificate } = await import('../../examples/stacking.js');
    const { exportKeyPair } = await import('../../src/keys/keypair.js');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(p('learner'), { recursive: true });
    let key;
    for (const which of ['ai', 'data', 'staff'] as const) {
      const ex = await signExample(which);
      key = ex.key;
      writeFileSync(p('learner', `${which}.json`), JSON.stringify(ex.signed));
    }
    writeFileSync(p('network.key.json'), JSON.stringify(exportKeyPair(key!, { includeSecret: true })));
    writeFileSync(p('rule.json'), JSON.stringify(certificateRule));
    writeFileSync(p('certificate.json'), JSON.stringify(certificate));
    const later = '2025-08-01T09:00:00Z';
    const [two, all] = await Promise.all([
      run(cli, ['stack', '--rule', p('rule.json'), p('learner', 'ai.json'), p('learner', 'data.json'), '--now', later]),
      run(cli, ['stack', '--rule', p('rule.json'), p('learner'), '--now', later, '--issue', '-k', p('network.key.json'), '-a', p('certificate.json'), '-o', p('stacked.json')]),
    ]);
    expect(two.code, two.stderr).toBe(1);
    expect(two.stdout).toContain('not satisfied');
    expect(two.stdout).toMatch(/missing {2}.*ECTS/);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('SATISFIED');
    const stacked = JSON.parse(readFileSync(p('stacked.json'), 'utf8'));
    expect(stacked.relatedResource).toHaveLength(3);
    const vs = await run(cli, ['verify', p('stacked.json'), '--now', later]);
    expect(vs.code).toBe(0);
    expect(vs.stdout).toContain('1 verified, 0 failed');
    const noRule = await run(cli, ['stack', p('learner')]);
    expect(noRule.code).toBe(2);
    expect(noRule.stderr).toContain('--rule FILE is required');
  });
});
