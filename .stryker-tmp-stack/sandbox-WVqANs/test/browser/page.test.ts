// @ts-nocheck
// The static verifier page in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
// browser), page loaded from file://, every input kind verified offline, zero network requests, an axe-core scan, and
// screenshots in the four languages under .tmp/ for review.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakePng, bakeSvg } from '../../src/baking/index.js';
import { bundleClr, createDidWebDocument, hashIdentifier, issueCredential, type KeyPair } from '../../src/index.js';
import { allocateStatusIndex, createStatusList, revoke, signStatusList } from '../../src/status/index.js';
import { ensureBuilt } from '../build.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const root = join(import.meta.dirname, '..', '..');
const pageUrl = pathToFileURL(join(root, 'dist', 'verifier', 'index.html')).href;
const shots = join(root, '.tmp', 'verifier-screenshots');
const fixtureBytes = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'baking', name));
const REV = 'https://uni.example/status/rev-1';

let browser: Browser;
let key: KeyPair;
let signed: Record<string, any>;
const files: Record<string, { name: string; mimeType: string; buffer: Buffer }> = {};
let jwt: string;
let revokedList: Record<string, any>;
let didWebDoc: Record<string, any>;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`test/browser/page.test.ts skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run does it)`);

/** Every request the page makes; offline mode must make none beyond its own file:// assets. */
interface Session {
  page: Page;
  requests: string[];
}

async function open(lang = 'en-US'): Promise<Session> {
  const context = await browser.newContext({ locale: lang, viewport: { width: 1100, height: 1400 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // belt and braces: anything that is not the page's own files is aborted (and still recorded above)
  await context.route(/^(?!file:|data:|blob:)/, (route) => route.abort());
  await page.clock.setFixedTime(new Date(NOW));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pageUrl);
  const ready = await page
    .waitForFunction(() => document.getElementById('verdict')?.dataset.verdict === 'idle', undefined, { timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  expect(errors).toEqual([]);
  expect(ready).toBe(true);
  return { page, requests };
}

async function verdict(page: Page): Promise<{ verdict: string; text: string }> {
  await page.waitForFunction(() => ['verified', 'not-verified', 'revoked', 'suspended', 'error'].includes(document.getElementById('verdict')?.dataset.verdict ?? ''), undefined, { timeout: 60_000 });
  return page.evaluate(() => ({ verdict: document.getElementById('verdict')!.dataset.verdict!, text: document.getElementById('verdict')!.textContent ?? '' }));
}

const field = (page: Page, name: string, scope = '#details') => page.locator(`${scope} [data-field="${name}"]`).first().textContent();

async function drop(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const dt = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const bin = atob(b64);
      const t = new DataTransfer();
      t.items.add(new File([Uint8Array.from(bin, (c) => c.charCodeAt(0))], name, { type }));
      return t;
    },
    { b64: file.buffer.toString('base64'), name: file.name, type: file.mimeType },
  );
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

const offsite = (requests: string[]) => requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));

describe.skipIf(!haveChromium)('the verifier page in Chromium (file://, offline)', () => {
  beforeAll(async () => {
    await ensureBuilt();
    mkdirSync(shots, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    key = await seededKey(61);
    const png = new Uint8Array(fixtureBytes('badge.png'));
    const svg = fixtureBytes('badge.svg').toString('utf8');
    const cred = sampleCredential(key.controller);
    cred.credentialSubject.achievement.creditsAvailable = 5;
    signed = await issueCredential(cred, { key, now: ISSUED });
    files.png = { name: 'anna.png', mimeType: 'image/png', buffer: Buffer.from(bakePng(png, signed)) };
    const tampered = structuredClone(signed);
    tampered.credentialSubject.achievement.name = 'Quantum physics (forged)';
    files.svg = { name: 'forged.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(bakeSvg(svg, tampered)) };
    jwt = await issueCredential(sampleCredential(key.controller), { key, format: 'vc-jwt', now: ISSUED });
    // a revoked credential and its (signed) status list
    const a = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
    const withStatus = await issueCredential({ ...sampleCredential(key.controller), id: 'urn:uuid:7d5e0c55-5f7e-4d2b-9f87-2a1b7e3c4d01', credentialStatus: a.entry }, { key, now: ISSUED });
    revokedList = await signStatusList(revoke(a.state, a.index), { key, now: ISSUED });
    files.revoked = { name: 'revoked.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withStatus)) };
    files.list = { name: 'status-list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(revokedList)) };
    // a CLR whose second inner credential was altered after signing (the CLR itself is signed over it, and valid)
    const second = await issueCredential({ ...sampleCredential(key.controller), id: 'urn:uuid:0b9a3c1e-2d4f-4a6b-8c7d-9e0f1a2b3c4d' }, { key, now: ISSUED });
    second.credentialSubject.achievement.name = 'Altered after signing';
    const clr = await bundleClr([signed, second], { key, issuer: { id: key.controller, type: ['Profile'], name: 'Université d’Exemple' }, now: ISSUED });
    files.clr = { name: 'portfolio.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(clr)) };
    // a did:web issuer: offline it cannot be checked; online the page fetches its DID document
    const webKey = await seededKey(62, { controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
    didWebDoc = createDidWebDocument('did:web:uni.example', [webKey]) as Record<string, any>;
    files.didweb = { name: 'didweb.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await issueCredential(sampleCredential(webKey.controller), { key: webKey, now: ISSUED }))) };
    // a learner identified only by a salted, hashed email
    const hashed = sampleCredential(key.controller);
    delete hashed.credentialSubject.id;
    hashed.credentialSubject.identifier = [{ type: ['IdentityObject'], identityType: 'emailAddress', hashed: true, identityHash: hashIdentifier('anh.nguyen@uni.example', 'pepper-1'), salt: 'pepper-1' }];
    files.hashed = { name: 'hashed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await issueCredential(hashed, { key, now: ISSUED, skipSchema: true }))) };
    // hostile: markup and script in every text the page shows
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const h = sampleCredential(key.controller);
    h.name = evil;
    h.issuer.name = evil;
    h.credentialSubject.achievement.name = evil;
    h.credentialSubject.achievement.description = evil;
    h.credentialSubject.achievement.criteria = { narrative: evil };
    files.hostile = { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await issueCredential(h, { key, now: ISSUED }))) };
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('a valid baked PNG picked with the file input → Verified, learner and achievement shown, no request', async () => {
    const { page, requests } = await open();
    await page.setInputFiles('#file', files.png!);
    const v = await verdict(page);
    expect(v.verdict).toBe('verified');
    expect(v.text).toContain('Verified');
    expect(await field(page, 'achievement')).toBe('Data: how data is generated, processed, governed');
    expect(await field(page, 'learner')).toBe('did:example:learner-42');
    expect(await field(page, 'issuer')).toBe('Université d’Exemple');
    expect(await field(page, 'issuer-id')).toBe(key.controller);
    expect(await field(page, 'grade')).toBe('B');
    expect(await page.locator('#details img.badge-image').getAttribute('src')).toMatch(/^blob:/);
    expect(await page.locator('li.check[data-check="proof"]').getAttribute('data-state')).toBe('passed');
    expect(offsite(requests)).toEqual([]);
    await page.context().close();
  });

  it('a tampered SVG dropped on the page → Not verified with the reason; the failed signature is listed first', async () => {
    const { page, requests } = await open();
    await drop(page, files.svg!);
    const v = await verdict(page);
    expect(v.verdict).toBe('not-verified');
    expect(v.text).toContain('Not verified');
    expect(v.text).toMatch(/Reason: Signature — ERR_PROOF_\w+/);
    const first = page.locator('ul.checks > li').first();
    expect(await first.getAttribute('data-check')).toBe('proof');
    expect(await first.getAttribute('data-state')).toBe('failed');
    expect(await first.locator('.state').textContent()).toContain('Failed');
    expect(offsite(requests)).toEqual([]);
    await page.context().close();
  });

  it('a revoked credential with its status list loaded → Revoked; without the list → status unavailable, Not verified (fails closed)', async () => {
    const { page, requests } = await open();
    await page.setInputFiles('#file', files.revoked!);
    let v = await verdict(page);
    expect(v.verdict).toBe('not-verified');
    expect(await page.locator('li.check[data-check="status"]').first().getAttribute('data-state')).toBe('failed');
    expect(await page.locator('li.check[data-check="status"] .message').first().textContent()).toMatch(/^ERR_STATUS_UNAVAILABLE/);
    await page.setInputFiles('#documents', files.list!);
    await expect.poll(() => page.locator('#documents-loaded').textContent()).toBe('1 document(s) loaded');
    await page.setInputFiles('#file', []);
    await page.setInputFiles('#file', files.revoked!);
    v = await verdict(page);
    expect(v.verdict).toBe('revoked');
    expect(v.text).toContain('Revoked');
    expect(v.text).toContain('ERR_STATUS_REVOKED');
    expect(offsite(requests)).toEqual([]);
    await page.context().close();
  });

  it('a VC-JWT pasted as text → Verified; the same JWT in a #vc= fragment → Verified', async () => {
    const { page, requests } = await open();
    await page.fill('#paste', jwt);
    await page.click('#paste-form button[type="submit"]');
    const v = await verdict(page);
    expect(v.verdict).toBe('verified');
    expect(await page.locator('li.check[data-check="proof"] .message').first().textContent()).toContain('EdDSA');
    await page.goto(`${pageUrl}#vc=${encodeURIComponent(jwt)}`);
    expect((await verdict(page)).verdict).toBe('verified');
    expect(await field(page, 'learner')).toBe('did:example:learner-42');
    expect(offsite(requests)).toEqual([]);
    await page.context().close();
  });

  it('a CLR with one altered inner credential → Not verified: the envelope and credential 1 pass, credential 2 fails', async () => {
    const { page, requests } = await open();
    await page.setInputFiles('#file', files.clr!);
    const v = await verdict(page);
    expect(v.verdict).toBe('not-verified');
    expect(await field(page, 'portfolio-summary')).toBe('1 of 2 credential(s) verified');
    expect(await page.locator('section.inner[data-index="0"]').getAttribute('data-verdict')).toBe('verified');
    expect(await page.locator('section.inner[data-index="1"]').getAttribute('data-verdict')).toBe('not-verified');
    expect(await page.locator('section.inner[data-index="1"] ul.checks > li').first().getAttribute('data-check')).toBe('proof');
    expect(await page.locator('section.envelope li.check[data-check="proof"]').first().getAttribute('data-state')).toBe('passed');
    expect(offsite(requests)).toEqual([]);
    await page.context().close();
  });

  it('a hostile credential: its markup is shown as text, nothing of it runs or loads', async () => {
    const { page, requests } = await open();
    await page.setInputFiles('#file', files.hostile!);
    await verdict(page);
    expect(await field(page, 'achievement')).toBe('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
    expect(await field(page, 'issuer')).toContain('<script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#details script, #details img:not(.badge-image), img[src="x"]').count()).toBe(0);
    expect(offsite(requests)).toEqual([]);
    await page.context().close();
  });

  it('a learner identified by a hashed email: shown as such, and an email address can be checked against the hash', async () => {
    const { page } = await open();
    await page.setInputFiles('#file', files.hashed!);
    expect((await verdict(page)).verdict).toBe('verified');
    expect(await page.locator('[data-field="learner"] > div > span').textContent()).toBe('Identified by a hashed email');
    await page.fill('.email-check input', 'someone.else@uni.example');
    await page.click('.email-check button');
    expect(await field(page, 'email-result')).toBe('✘ The email address does not match the learner.');
    await page.fill('.email-check input', 'anh.nguyen@uni.example');
    await page.keyboard.press('Enter');
    expect(await field(page, 'email-result')).toBe('✔ The email address matches the learner.');
    await page.context().close();
  });

  it('online mode is off by default and lists nothing; switching it on shows the (empty) fetched list', async () => {
    const { page, requests } = await open();
    expect(await page.locator('#online').isChecked()).toBe(false);
    expect(await page.locator('#network-note').textContent()).toBe('Offline: this page makes no network request.');
    await page.locator('details.options summary').click();
    await page.locator('#online').check();
    expect(await page.locator('#fetched').isVisible()).toBe(true);
    expect(await page.locator('#fetched-list').textContent()).toBe('None.');
    expect(offsite(requests)).toEqual([]);
    await page.context().close();
  });

  it('a did:web issuer: offline the signature could not be checked; online the DID document is fetched (https) and listed', async () => {
    const { page, requests } = await open();
    await page.setInputFiles('#file', files.didweb!);
    expect((await verdict(page)).verdict).toBe('not-verified');
    expect(offsite(requests)).toEqual([]);
    // the "network": Playwright answers the one URL the page should ask for (nothing leaves the machine)
    await page.context().unrouteAll();
    await page.context().route('https://uni.example/.well-known/did.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(didWebDoc) }));
    await page.context().route(/^(?!file:|data:|blob:|https:\/\/uni\.example\/\.well-known\/did\.json$)/, (route) => route.abort());
    await page.locator('details.options summary').click();
    await page.locator('#online').check();
    await page.setInputFiles('#file', []);
    await page.setInputFiles('#file', files.didweb!);
    expect((await verdict(page)).verdict).toBe('verified');
    expect(offsite(requests)).toEqual(['https://uni.example/.well-known/did.json']);
    expect(await page.locator('#fetched-list').textContent()).toContain('✔ https://uni.example/.well-known/did.json');
    await page.context().close();
  });

  it('keyboard: Tab reaches the language switch and the file input first, focus is visible', async () => {
    const { page } = await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lang');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    expect(await page.locator('#verdict').getAttribute('aria-live')).toBe('polite');
    await page.context().close();
  });

  it('axe-core finds no serious or critical violation (idle page, verified badge, failed CLR)', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const { page } = await open();
    const scan = async () => {
      await page.evaluate(axe);
      const r = await page.evaluate(async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })));
      return (r as { id: string; impact: string }[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    };
    expect(await scan()).toEqual([]);
    await page.setInputFiles('#file', files.png!);
    await verdict(page);
    expect(await scan()).toEqual([]);
    await page.setInputFiles('#file', []);
    await page.setInputFiles('#file', files.clr!);
    await verdict(page);
    expect(await scan()).toEqual([]);
    await page.context().close();
  });

  it('speaks English, German, Vietnamese and Bengali (picked from the browser language, switchable); screenshots in .tmp/', async () => {
    const expected: Record<string, { locale: string; verified: string; heading: string }> = {
      en: { locale: 'en-GB', verified: 'Verified', heading: 'Badge verifier' },
      de: { locale: 'de-DE', verified: 'Echt (geprüft)', heading: 'Badge-Prüfung' },
      vi: { locale: 'vi-VN', verified: 'Đã xác minh', heading: 'Xác minh huy hiệu' },
      bn: { locale: 'bn-BD', verified: 'যাচাইকৃত', heading: 'ব্যাজ যাচাই' },
    };
    for (const [lang, e] of Object.entries(expected)) {
      const { page } = await open(e.locale);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await page.locator('h1').textContent()).toBe(e.heading);
      await page.setInputFiles('#file', files.png!);
      const v = await verdict(page);
      expect(v.text).toContain(e.verified);
      const path = join(shots, `verifier-${lang}.png`);
      await page.screenshot({ path, fullPage: true });
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
      await page.context().close();
    }
    // the switch: a German browser, switched to Vietnamese, re-renders the result
    const { page } = await open('de-DE');
    await page.setInputFiles('#file', files.png!);
    await verdict(page);
    await page.selectOption('#lang', 'vi');
    expect(await page.locator('#verdict').textContent()).toContain('Đã xác minh');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.context().close();
  });
});
