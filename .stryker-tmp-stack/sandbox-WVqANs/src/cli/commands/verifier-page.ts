// @ts-nocheck
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, EXIT, println, type Command } from '../util.js';

/** The page's files (built by `npm run build` into dist/verifier/). */
export const VERIFIER_PAGE_FILES = ['index.html', 'verifier.js', 'verifier.css'] as const;

/** dist/verifier/ next to the bundled CLI (dist/cli.js), or the repository's dist/ when run from the sources. */
function pageDir(): string | undefined {
  for (const rel of ['./verifier/', '../../../dist/verifier/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (VERIFIER_PAGE_FILES.every((f) => existsSync(join(dir, f)))) return dir;
  }
  return undefined;
}

/** `credstack verifier-page --out DIR`: write the static, offline verifier page. */
export const verifierPage: Command = {
  name: 'verifier-page',
  summary: 'write the static offline verifier page (open index.html from disk or put it on any static host)',
  usage: ['credstack verifier-page --out DIR [--force]'],
  description:
    'Writes index.html, verifier.js and verifier.css into DIR. The page verifies badges (PNG, SVG, JSON, VC-JWT, CLR,\n' +
    'presentations) in the browser, from file:// or any static web server: no server code, and no network request\n' +
    'unless the user switches on online mode (did:web documents and status lists, https only).',
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  optionHelp: ['    --out DIR           folder to write the page into (created if missing)', '    --force             overwrite the page files if DIR already has them'],
  examples: ['credstack verifier-page --out public/verify'],
  async run(v, positionals, io) {
    if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`, { hint: 'credstack verifier-page --out DIR' });
    if (typeof v.out !== 'string' || v.out === '') throw new CliError('--out DIR is required', { hint: 'credstack verifier-page --out public/verify' });
    const src = pageDir();
    if (!src) throw new CliError('the verifier page is not built', { hint: 'run npm run build (it writes dist/verifier/)', exitCode: EXIT.FAILED });
    await mkdir(v.out, { recursive: true });
    const present = new Set(await readdir(v.out));
    const clash = VERIFIER_PAGE_FILES.filter((f) => present.has(f));
    if (clash.length && !v.force) throw new CliError(`${join(v.out, clash[0]!)} exists`, { hint: 'pass --force to overwrite the page files' });
    for (const f of VERIFIER_PAGE_FILES) await copyFile(join(src, f), join(v.out, f));
    println(io.stdout, `wrote ${join(v.out, 'index.html')} (+ verifier.js, verifier.css): open it in a browser, or serve the folder from any static host`);
    return EXIT.OK;
  },
};
