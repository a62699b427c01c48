// @ts-nocheck
import type { VerificationReport } from '../../verify/report.js';
import { CliError, EXIT, println, type Command } from '../util.js';
import { summarize, trustNote, type FetchRecord } from '../verify-support.js';
import { VERIFY_OPTIONS, VERIFY_OPTION_HELP, isJwtArgument, outcomes, printFetched, verifyOptionsFrom } from './verify.js';
import { existsSync } from 'node:fs';

/** `credstack show`: what a person wants to know about a badge, and whether it verified. */
export const show: Command = {
  name: 'show',
  summary: 'read a badge: learner, achievement, issuer (trusted or not), dates, grade, workload, level, skills, status',
  usage: ['credstack show FILE|JWT [--trust-list FILE] [--trusted-issuer DID ...] [--documents DIR] [--online] [--json]'],
  description:
    'Prints the badge for a person and verifies it (same checks and options as credstack verify). Nothing in a badge\n' +
    'proves who its issuer is except your trust list: a self-made did:key can carry any university name.\n' +
    'Exit 0 when it verified, 1 when not, 2 on bad input.',
  options: { ...VERIFY_OPTIONS, json: { type: 'boolean' } },
  optionHelp: [...VERIFY_OPTION_HELP, '    --json              the summary and the verification report as JSON'],
  examples: ['credstack show anna.data-literacy.json --trust-list trusted-issuers.txt', 'credstack show baked.png'],
  async run(v, positionals, io) {
    if (positionals.length !== 1) throw new CliError(positionals.length ? 'credstack show takes one file' : 'nothing to show', { hint: 'credstack show badge.json (use credstack verify for many files)' });
    const source = positionals[0]!;
    if (source !== '-' && !isJwtArgument(source) && !existsSync(source)) throw new CliError(`file not found: ${source}`, { hint: 'check the path (relative paths start in the current directory)' });
    const fetched: FetchRecord[] = [];
    const { opts, trust } = await verifyOptionsFrom(v, fetched);
    let failed = 0;
    const json: unknown[] = [];
    for await (const o of outcomes(source, opts, true, trust)) {
      const report = o.report as VerificationReport | undefined;
      const credential = report?.credential;
      if (!o.verified) failed++;
      if (o.kind === 'portfolio' || !credential) {
        if (v.json) json.push(o);
        else {
          println(io.stdout, `${o.source}: ${o.name ?? o.kind}`);
          for (const f of o.failed) println(io.stdout, `  FAIL ${f.id}: ${f.code ? `${f.code} ` : ''}${f.message}`);
        }
        continue;
      }
      const s = summarize(credential, report, trust);
      if (v.json) {
        json.push({ source: o.source, verified: o.verified, summary: s, failed: o.failed, warnings: o.warnings, note: o.note });
        continue;
      }
      const issuer = `${s.issuerName ? `"${s.issuerName}" ` : ''}${s.issuerId ?? '?'}`;
      const trustText = s.trust === 'trusted' ? `trusted${s.trustedName ? ` (your list: "${s.trustedName}")` : ''}` : s.trust === 'untrusted' ? 'NOT on your trust list' : 'not checked (no --trusted-issuer / --trust-list)';
      const rows: [string, string | undefined][] = [
        ['achievement', s.achievement],
        ['learner', s.learner],
        ['issuer', issuer],
        ['trusted', trustText],
        ['awarded', s.awarded],
        ['valid', `${s.validFrom ?? '?'}${s.validUntil ? ` until ${s.validUntil}` : ''}`],
        ['grade', s.grade],
        ['workload', s.workload],
        ['level', s.level],
        ['skills', s.skills.length ? s.skills.join(', ') : undefined],
        ['status', s.status],
        ['verified', o.verified ? 'yes' : 'NO'],
      ];
      println(io.stdout, o.source);
      for (const [k, val] of rows) if (val !== undefined) println(io.stdout, `  ${k.padEnd(12)}${val}`);
      for (const f of o.failed) println(io.stdout, `  FAIL ${f.id}: ${f.code ? `${f.code} ` : ''}${f.message}`);
      for (const w of o.warnings) println(io.stdout, `  warning ${w.id}: ${w.code ? `${w.code} ` : ''}${w.message}`);
      const note = trustNote(s);
      if (note) println(io.stdout, `  note: ${note}`);
    }
    if (v.json) println(io.stdout, JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
    printFetched(v.json ? { stdout: io.stderr } : io, fetched);
    return failed ? EXIT.FAILED : EXIT.OK;
  },
};
