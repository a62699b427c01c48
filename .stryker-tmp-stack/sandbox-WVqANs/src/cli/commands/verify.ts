// @ts-nocheck
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { detectImageType, extractCredential } from '../../baking/extract.js';
import type { VerificationReport } from '../../verify/report.js';
import type { VerifyOptions } from '../../verify/options.js';
import type { PortfolioVerifyOptions } from '../../portfolio/types.js';
import { describeLearner, matchesLearner } from '../../model/learner.js';
import { CliError, EXIT, holdsSecret, isDirectory, parseNow, parsePositiveInt, println, readBytes, readJson, type Command, type Io } from '../util.js';
import { cliWording, createOnlineFetcher, loadDocumentSources, loadTrustList, statusUnknown, statusUnknownMessage, summarize, summaryLine, trustNote, type FetchRecord, type TrustList } from '../verify-support.js';
import { existsSync } from 'node:fs';

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const EXTS = new Set(['.json', '.jsonld', '.jwt', '.jws', '.jsonl', '.png', '.svg']);

/** One verified thing: where it came from and its report. */
export interface Outcome {
  source: string;
  kind: 'credential' | 'portfolio' | 'image' | 'error';
  verified: boolean;
  name?: string;
  issuer?: string;
  failed: { id: string; code?: string; message: string }[];
  warnings: { id: string; code?: string; message: string }[];
  /** One line for a person: achievement, learner, issuer (+ trust), date, grade. */
  summary?: string;
  /** A note about the issuer's trust. */
  note?: string;
  /** Checks that could not run offline (e.g. status without the list). */
  skipped: string[];
  report?: unknown;
}

async function* expand(paths: string[]): AsyncGenerator<string> {
  for (const p of paths) {
    if (p !== '-' && !isJwtArgument(p) && (await isDirectory(p))) {
      const entries = (await readdir(p, { recursive: true })).map(String).sort();
      for (const e of entries) if (EXTS.has(extname(e).toLowerCase()) && !e.split(/[\\/]/).some((s) => s.startsWith('.'))) yield join(p, e);
    } else yield p;
  }
}

const brief = (x: { id: string; code?: string; message: string }) => ({ id: x.id, ...(x.code ? { code: x.code } : {}), message: cliWording(x.message) });

function describe(source: string, kind: Outcome['kind'], report: VerificationReport, credential: unknown, trust: TrustList | undefined, allowUnknownStatus = false): Outcome {
  // what is displayed is what is signed: the view (trusted term names), never the JSON keys; unreadable → the input
  const c = (report.view?.document ?? report.credential ?? credential) as Record<string, any> | undefined;
  const issuer = report.view ? report.view.issuerId : c && typeof c === 'object' ? (typeof c.issuer === 'string' ? c.issuer : c.issuer?.id) : undefined;
  const failed = report.checks.filter((x) => x.status === 'failed').map(brief);
  // fail closed: a status that could not be checked is not "ok", whatever the library's verdict (unless
  // --allow-status-unavailable accepted exactly that)
  const unknown = allowUnknownStatus ? undefined : statusUnknown(report.checks);
  if (unknown && !failed.some((f) => f.id === 'status')) failed.push({ id: 'status', ...(unknown.code ? { code: unknown.code } : {}), message: statusUnknownMessage(unknown) });
  else for (const f of failed) if (f.id === 'status' && f.code === 'ERR_STATUS_UNAVAILABLE') f.message = statusUnknownMessage(f);
  const s = c && typeof c === 'object' ? summarize(c, report, trust) : undefined;
  const note = s ? trustNote(s) : undefined;
  return {
    source,
    kind,
    verified: report.verified && failed.length === 0,
    ...(c && typeof c === 'object' && typeof c.name === 'string' ? { name: c.name } : {}),
    ...(typeof issuer === 'string' ? { issuer } : {}),
    ...(s ? { summary: summaryLine(s) } : {}),
    ...(note ? { note } : {}),
    failed,
    warnings: report.checks.filter((x) => x.status === 'warning').map(brief),
    skipped: report.checks.filter((x) => x.status === 'skipped').map((x) => x.id),
  };
}

async function verifyOne(source: string, input: unknown, opts: VerifyOptions, kind: Outcome['kind'], withReport: boolean, trust?: TrustList): Promise<Outcome> {
  if (holdsSecret(input)) {
    // a key file in a folder being verified: never copied into a report, never verified, its text never shown
    return { source, kind: 'error', verified: false, failed: [{ id: 'input', code: 'ERR_SECRET_KEY_FILE', message: 'this file holds secret key material, not a credential: skipped and not shown' }], warnings: [], skipped: [] };
  }
  // loaded on first use, so that `credstack --help` does not load the JSON-LD stack
  const [{ portfolioKind }, { verifyPortfolio }, { verifyCredential }] = await Promise.all([
    import('../../portfolio/common.js'), import('../../portfolio/verify-portfolio.js'), import('../../verify/verify.js'),
  ]);
  if (input && typeof input === 'object' && portfolioKind(input) !== 'unknown') {
    const pr = await verifyPortfolio(input, opts);
    const failed = [
      ...pr.envelope.checks.filter((x) => x.status === 'failed').map(brief),
      ...pr.summary.failed.map((f) => ({ id: `credential[${f.index}]`, message: cliWording(f.reasons.map((r) => `${r.id}: ${r.code ?? ''} ${r.message}`).join('; ')) })),
    ];
    const env = (pr.envelope.view?.document ?? {}) as Record<string, any>;
    return {
      source,
      kind: 'portfolio',
      verified: pr.verified,
      name: `${pr.kind === 'clr' ? 'CLR' : 'presentation'} with ${pr.summary.verified}/${pr.summary.total} credentials verified`,
      ...(typeof pr.envelope.view?.issuerId === 'string' ? { issuer: pr.envelope.view.issuerId } : typeof env.holder === 'string' ? { issuer: env.holder } : {}),
      failed,
      warnings: pr.envelope.warnings.map(brief),
      skipped: [],
      ...(withReport ? { report: pr } : {}),
    };
  }
  const report = await verifyCredential(input as object | string, opts);
  const o = describe(source, kind, report, input, trust, opts.status === 'allow-unavailable');
  const learner = (opts as PortfolioVerifyOptions).learner;
  if (learner !== undefined && report.credential && !matchesLearner(report.view?.document.credentialSubject, learner)) {
    o.failed.push({ id: 'learner', code: 'ERR_OTHER_LEARNER', message: `not awarded to ${describeLearner(learner)} (--learner)` });
    o.verified = false;
  }
  if (withReport) o.report = report;
  return o;
}

/** A JWT given on the command line, not a path: it looks like one and no such file exists (an existing path is a file). */
export function isJwtArgument(p: string): boolean {
  return p !== '-' && JWS.test(p) && !existsSync(p);
}

/** JSONL files larger than this are verified in worker threads by default (smaller ones are not worth starting them). */
const JSONL_WORKERS_FROM_BYTES = 256 * 1024;

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * One line of a JSONL cohort: a credential, or a cohort record `{ key, credential }`; blank lines give nothing, a line
 * that is not JSON gives a failed outcome (never a crash).
 */
export async function verifyLine(source: string, n: number, line: string, opts: VerifyOptions, withReport: boolean, trust?: TrustList): Promise<Outcome | undefined> {
  if (!line.trim()) return undefined;
  let rec: any;
  try {
    rec = JSON.parse(line);
  } catch {
    return { source: `${source}:${n}`, kind: 'error', verified: false, failed: [{ id: 'input', message: 'not valid JSON' }], warnings: [], skipped: [] };
  }
  const cred = rec && typeof rec === 'object' && 'credential' in rec && !('proof' in rec) ? rec.credential : rec;
  return verifyOne(`${source}:${n}${typeof rec?.key === 'string' ? ` (${rec.key})` : ''}`, cred, opts, 'credential', withReport, trust);
}

/** How a JSONL cohort is verified: `jobs` threads (default: one per core for files over 256 KB), in-flight counters. */
export interface StreamOptions {
  jobs?: number;
  stats?: { inFlight: number; maxInFlight: number };
}

export async function* outcomes(source: string, opts: VerifyOptions, withReport: boolean, trust?: TrustList, stream?: StreamOptions): AsyncGenerator<Outcome> {
  const fail = (message: string): Outcome => ({ source, kind: 'error', verified: false, failed: [{ id: 'input', message }], warnings: [], skipped: [] });
  if (isJwtArgument(source)) {
    yield await verifyOne('(JWT argument)', source, opts, 'credential', withReport, trust);
    return;
  }
  const ext = extname(source).toLowerCase();
  if (ext === '.jsonl') {
    const { mapOrdered, readLines } = await import('../verify-stream.js');
    // worker threads for big cohorts (or when --jobs asks); --online's fetcher cannot be handed to a thread
    const jobs = stream?.jobs ?? ((await fileSize(source)) > JSONL_WORKERS_FROM_BYTES ? availableParallelism() : 1);
    const pool = jobs > 1 && !opts.fetch ? (await import('../verify-stream.js')).createVerifyPool(jobs, opts, withReport, trust) : undefined;
    const verifyIt = pool ? pool.verify : (src: string, n: number, line: string) => verifyLine(src, n, line, opts, withReport, trust);
    try {
      // at most 4 lines per thread in flight: memory stays flat whatever the cohort size; output keeps the input order
      for await (const o of mapOrdered(readLines(source), Math.max(1, jobs) * 4, ([n, line]) => verifyIt(source, n, line), stream?.stats)) {
        if (o) yield o;
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`file not found: ${source}`, { hint: 'check the path' });
      throw err;
    } finally {
      await pool?.close();
    }
    return;
  }
  const bytes = source === '-' ? new Uint8Array(await new Response(process.stdin as any).arrayBuffer()) : await readBytes(source, 'file');
  const image = detectImageType(bytes);
  if (image) {
    let extracted;
    try {
      extracted = extractCredential(bytes);
    } catch (err) {
      yield fail(`no credential in this ${image.toUpperCase()}: ${(err as Error).message}`);
      return;
    }
    yield await verifyOne(source, extracted.credential, opts, 'image', withReport, trust);
    return;
  }
  const text = new TextDecoder().decode(bytes).trim();
  if (JWS.test(text)) {
    yield await verifyOne(source, text, opts, 'credential', withReport, trust);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    yield fail('neither JSON, a JWT, nor a baked PNG/SVG');
    return;
  }
  yield await verifyOne(source, json, opts, 'credential', withReport, trust);
}

function printHuman(io: Io, o: Outcome, quiet: boolean): void {
  const what = o.summary ?? (o.kind === 'portfolio' && o.name ? o.name : '');
  if (o.verified) {
    if (quiet) return;
    const extra = o.skipped.filter((x) => x !== 'status');
    println(io.stdout, `ok    ${o.source}${what ? `  ${what}` : ''}${extra.length ? `  (not checked: ${extra.join(', ')})` : ''}`);
  } else {
    println(io.stdout, `FAIL  ${o.source}${what ? `  ${what}` : ''}`);
    for (const f of o.failed) println(io.stdout, `        ${f.id}: ${f.code ? `${f.code} ` : ''}${f.message}`);
  }
  if (quiet && o.verified) return;
  for (const w of o.warnings) println(io.stdout, `        warning ${w.id}: ${w.code ? `${w.code} ` : ''}${w.message}`);
  if (o.note) println(io.stdout, `        note: ${o.note}`);
}

/** Verify options from the command line (shared with `credstack show`). */
export async function verifyOptionsFrom(v: Record<string, any>, fetched: FetchRecord[]): Promise<{ opts: VerifyOptions; trust: TrustList | undefined }> {
  const opts: VerifyOptions = {};
  const now = parseNow(v.now);
  if (now) opts.now = now;
  if (v.documents !== undefined && !v.online && !(await isDirectory(v.documents))) {
    throw new CliError(`--documents ${v.documents} is not a folder`, { hint: 'give a folder of DID documents / status lists (credstack verify --online --documents DIR fills one)' });
  }
  const documents = await loadDocumentSources(v.document, v.documents);
  if (Object.keys(documents).length) opts.documents = documents;
  if (v.online) {
    const timeout = parsePositiveInt('timeout', v.timeout) ?? 10;
    const maxKb = parsePositiveInt('max-kb', v['max-kb']) ?? 2048;
    opts.fetch = createOnlineFetcher({ timeoutMs: timeout * 1000, maxBytes: maxKb * 1024, ...(v.documents !== undefined ? { cacheDir: v.documents } : {}), log: fetched });
  }
  const trust = await loadTrustList(v['trusted-issuer'], v['trust-list']);
  if (trust) opts.trustedIssuers = [...trust.keys()];
  if (v['strict-schema']) opts.strictSchema = true;
  if (v['skip-status']) opts.status = 'skip';
  else if (v['allow-status-unavailable']) opts.status = 'allow-unavailable';
  if (v.challenge !== undefined) opts.challenge = v.challenge;
  if (v.domain !== undefined) opts.domain = v.domain;
  if (v.learner !== undefined) (opts as PortfolioVerifyOptions).learner = v.learner;
  if (v.registry || v.coordinator) {
    const files: string[] = v.registry ?? [];
    const coordinators: string[] = v.coordinator ?? [];
    if (files.length !== coordinators.length) throw new CliError('give one --coordinator DID for each --registry FILE', { hint: 'credstack verify badge.json --registry net.json --coordinator did:web:coordinator.example' });
    opts.registries = await Promise.all(files.map(async (f, i) => ({ registry: await readJson(f, 'network registry'), coordinator: coordinators[i]! })));
  }
  return { opts, trust };
}

/** Options shared by `verify` and `show`. */
export const VERIFY_OPTIONS = {
  now: { type: 'string' },
  document: { type: 'string', multiple: true, short: 'd' },
  documents: { type: 'string' },
  online: { type: 'boolean' },
  timeout: { type: 'string' },
  'max-kb': { type: 'string' },
  'trusted-issuer': { type: 'string', multiple: true },
  'trust-list': { type: 'string' },
  'skip-status': { type: 'boolean' },
  'allow-status-unavailable': { type: 'boolean' },
  registry: { type: 'string', multiple: true },
  coordinator: { type: 'string', multiple: true },
  learner: { type: 'string' },
} as const;

export const VERIFY_OPTION_HELP = [
  '    --now DATE          verify as of this date',
  '-d, --document FILE     offline copy of a DID document / status list credential / context (repeatable)',
  '    --documents DIR     every .json in DIR is such a copy; with --online, what is fetched is saved there',
  '    --online            fetch did:web documents and status lists: https to public hosts only, no redirects,',
  '                        --timeout S (default 10) and --max-kb N (default 2048) per URL; every URL is listed',
  '    --trusted-issuer DID  the issuers you trust (repeatable); others fail',
  '    --trust-list FILE   trusted issuers: JSON ["did:…"] / {"did:…": "name"} or one DID per line',
  '    --skip-status       do not check revocation (otherwise an unknown status is a failure)',
  '    --allow-status-unavailable  a status list that is not at hand is a warning, not a failure (a list at hand is still judged)',
  '    --registry FILE     a signed network registry (credstack network create): the issuer must be a member',
  '    --coordinator DID   the network coordinator you trust to sign that registry (one per --registry)',
  '    --learner WHO       the learner it must be about: a DID, an email or a student id (portfolios: every credential)',
];

/** Print the URLs `--online` fetched. */
export function printFetched(io: Pick<Io, 'stdout'>, fetched: FetchRecord[]): void {
  for (const f of fetched) println(io.stdout, `fetched ${f.url}: ${f.ok ? `HTTP ${f.status}, ${f.bytes} bytes${f.cached ? ` → ${f.cached}` : ''}` : `failed (${f.error})`}`);
}

/** `credstack verify`: verify credential files, JWTs, baked images, cohorts (JSONL) and portfolios offline. */
export const verify: Command = {
  name: 'verify',
  summary: 'verify credentials: JSON files, JWTs, baked PNG/SVG, JSONL cohorts, portfolios, folders (offline unless --online)',
  usage: ['credstack verify PATH|JWT|- ... [--json] [--now DATE] [--documents DIR] [--online] [--trusted-issuer DID ...] [--trust-list FILE]'],
  description:
    'Checks proofs, dates, issuer ↔ key, status and schema. Offline by default: did:web documents and status lists come\n' +
    'from --document FILE / --documents DIR, or from the network with --online. A credential whose revocation status\n' +
    'cannot be checked is not "ok". An existing path is always read as a file; anything else that looks like a JWT is one.\n' +
    'Folders are searched for .json .jwt .jsonl .png .svg. Exit 0 only when everything verified, 1 otherwise, 2 on bad input.',
  options: {
    json: { type: 'boolean' },
    ...VERIFY_OPTIONS,
    'strict-schema': { type: 'boolean' },
    challenge: { type: 'string' },
    domain: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    ndjson: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
  },
  optionHelp: [
    '    --json              machine-readable: an array of { source, verified, summary, failed, warnings, report };',
    '                        when a .jsonl cohort is given: NDJSON (one such object per line, written as it goes)',
    '    --ndjson            NDJSON whatever the input: one object per line, as each is verified',
    '-j, --jobs N            verify JSONL cohorts in N threads (default: one per core for files over 256 KB)',
    ...VERIFY_OPTION_HELP,
    '    --strict-schema     schema problems fail instead of warn',
    '    --challenge C, --domain D  expected values in a presentation proof',
    '-q, --quiet             print only failures and the total',
  ],
  examples: [
    'credstack verify badge.json cohort.jsonl baked.png --trust-list trusted-issuers.txt',
    'credstack verify badge.json --online --documents cache/   # fetch once, then verify offline with --documents cache/',
    'credstack verify credentials/ --json > report.json',
    'credstack verify cohort.jsonl --jobs 2 --json > report.ndjson   # NDJSON, one line per credential, in order',
  ],
  async run(v, positionals, io) {
    if (!positionals.length) throw new CliError('nothing to verify', { hint: 'credstack verify badge.json (or a folder, a .jsonl cohort, a baked .png, - for stdin)' });
    const fetched: FetchRecord[] = [];
    const { opts, trust } = await verifyOptionsFrom(v, fetched);
    for (const p of positionals) {
      if (p !== '-' && !isJwtArgument(p) && !existsSync(p)) throw new CliError(`file not found: ${p}`, { hint: 'check the path (relative paths start in the current directory)' });
    }
    const jobs = v.jobs === undefined ? undefined : parsePositiveInt('jobs', v.jobs);
    // NDJSON streams (flat memory): asked for, or --json over a JSONL cohort; otherwise --json is one array at the end
    const ndjson = Boolean(v.ndjson) || (Boolean(v.json) && positionals.some((p) => extname(p).toLowerCase() === '.jsonl'));
    const withReport = Boolean(v.json) || ndjson;
    let ok = 0;
    let failed = 0;
    const all: Outcome[] = [];
    for await (const source of expand(positionals)) {
      for await (const o of outcomes(source, opts, withReport, trust, jobs !== undefined ? { jobs } : undefined)) {
        if (o.verified) ok++;
        else failed++;
        if (ndjson) println(io.stdout, JSON.stringify(o));
        else if (v.json) all.push(o);
        else printHuman(io, o, Boolean(v.quiet));
      }
    }
    if (ndjson) printFetched({ ...io, stdout: io.stderr }, fetched);
    else if (v.json) {
      println(io.stdout, JSON.stringify(all, null, 2));
      printFetched({ ...io, stdout: io.stderr }, fetched);
    } else {
      printFetched(io, fetched);
      println(io.stdout, `${ok} verified, ${failed} failed`);
    }
    if (ok + failed === 0) {
      println(io.stderr, 'credstack: error: no credentials found');
      println(io.stderr, 'hint: folders are searched for .json .jwt .jsonl .png .svg files');
      return EXIT.USAGE;
    }
    return failed ? EXIT.FAILED : EXIT.OK;
  },
};
