import { extractCredential, detectImageType } from '../../baking/extract.js';
import { checkMicrocredential } from '../../model/microcredential.js';
import { CliError, EXIT, println, readBytes, type Command } from '../util.js';

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
  usage: ['credstack check-microcredential FILE [--json]'],
  description: 'FILE is a credential (JSON or JWT) or a baked PNG/SVG. Exit 0 when all mandatory elements are present and well-formed, 1 otherwise.\nThis checks content only; use credstack verify for signatures.',
  options: { json: { type: 'boolean' } },
  optionHelp: ['    --json          print the full report as JSON'],
  examples: ['credstack check-microcredential badge.json'],
  async run(v, positionals, io) {
    const [file, extra] = positionals;
    if (!file) throw new CliError('a credential file is required', { hint: 'credstack check-microcredential badge.json' });
    if (extra) throw new CliError(`unexpected argument ${extra}`, { hint: 'check one credential at a time' });
    const bytes = await readBytes(file, 'credential');
    let credential: unknown;
    if (detectImageType(bytes)) credential = extractCredential(bytes).credential;
    else {
      const text = new TextDecoder().decode(bytes).trim();
      try {
        credential = JSON.parse(text);
      } catch {
        credential = decodeJwtPayload(text);
        if (credential === undefined) throw new CliError(`${file} is neither JSON, a JWT nor a baked image`);
      }
    }
    if (typeof credential === 'string') credential = decodeJwtPayload(credential);
    const report = checkMicrocredential(credential);
    if (v.json) println(io.stdout, JSON.stringify(report, null, 2));
    else {
      const width = Math.max(...report.elements.map((e) => e.label.length));
      for (const e of report.elements) {
        const mark = e.status === 'present' ? 'ok     ' : e.status === 'missing' ? (e.mandatory ? 'MISSING' : 'missing') : 'INVALID';
        println(io.stdout, `${mark}  ${e.label.padEnd(width)}  ${e.mandatory ? '*' : ' '} ${e.message}`);
      }
      println(io.stdout, `(* mandatory) ${report.complete ? 'complete: all mandatory elements present' : `incomplete: ${[...report.missing, ...report.malformed].join(', ')}`}`);
      for (const a of report.advice) println(io.stdout, `advice: ${a}`);
    }
    return report.complete ? EXIT.OK : EXIT.FAILED;
  },
};
