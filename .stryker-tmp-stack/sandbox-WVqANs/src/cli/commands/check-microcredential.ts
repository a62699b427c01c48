// @ts-nocheck
import { checkMicrocredential } from '../../model/microcredential.js';
import { loadCredentials } from '../inputs.js';
import { CliError, EXIT, println, type Command } from '../util.js';

function decodeJwtPayload(jwt: string): unknown {
  const part = jwt.split('.')[1] ?? '';
  try {
    const json = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return json?.vc ?? json;
  } catch {
    return undefined;
  }
}

/** `credstack check-microcredential`: which EU micro-credential elements a credential carries. */
export const checkMicro: Command = {
  name: 'check-microcredential',
  summary: 'report which EU micro-credential elements (Council Recommendation 2022/C 243/02) a credential carries',
  usage: ['credstack check-microcredential FILE|DIR ... [--json]'],
  description: 'FILE is a credential (JSON or JWT), a cohort .jsonl, a baked PNG/SVG, or a folder of them. Exit 0 when all mandatory elements are present and well-formed, 1 otherwise.\nThis checks content only; use credstack verify for signatures.',
  options: { json: { type: 'boolean' } },
  optionHelp: ['    --json          print the full report as JSON'],
  examples: ['credstack check-microcredential badge.json'],
  async run(v, positionals, io) {
    if (!positionals.length) throw new CliError('a credential file is required', { hint: 'credstack check-microcredential badge.json (or a cohort .jsonl, a folder)' });
    const loaded = await loadCredentials(positionals);
    if (!loaded.length) throw new CliError('no credentials found', { hint: 'folders are searched for .json .jwt .jsonl .png .svg files' });
    let incomplete = 0;
    const reports = [];
    for (const { source, credential: c } of loaded) {
      const credential = typeof c === 'string' ? decodeJwtPayload(c) : c;
      const report = checkMicrocredential(credential);
      if (!report.complete) incomplete++;
      if (v.json) {
        reports.push({ source, ...report });
        continue;
      }
      if (loaded.length > 1) println(io.stdout, `${source}:`);
      const width = Math.max(...report.elements.map((e) => e.label.length));
      for (const e of report.elements) {
        const mark = e.status === 'present' ? 'ok     ' : e.status === 'missing' ? (e.mandatory ? 'MISSING' : 'missing') : 'INVALID';
        println(io.stdout, `${mark}  ${e.label.padEnd(width)}  ${e.mandatory ? '*' : ' '} ${e.message}`);
      }
      const nMandatory = report.elements.filter((e) => e.mandatory).length;
      println(io.stdout, `(* mandatory: ${nMandatory} of ${report.elements.length} elements) ${report.complete ? 'complete: all mandatory elements present' : `incomplete: ${[...report.missing, ...report.malformed].join(', ')}`}`);
      for (const a of report.advice) println(io.stdout, `advice: ${a}`);
    }
    if (v.json) println(io.stdout, JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
    else if (loaded.length > 1) println(io.stdout, `${loaded.length - incomplete} complete, ${incomplete} incomplete`);
    return incomplete ? EXIT.FAILED : EXIT.OK;
  },
};
