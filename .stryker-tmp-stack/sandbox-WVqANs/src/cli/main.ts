// @ts-nocheck
import { parseArgs } from 'node:util';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { commands } from './commands/index.js';
import { EXIT, CliError, println, reportError, type Command, type Io } from './util.js';

const VERSION = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'credstack — issue, verify, stack and bundle Open Badges 3.0 micro-credentials',
    '',
    'Usage: credstack <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run credstack <command> --help for its options and an example.',
    'Global options: --help, --version, --debug (stack traces on errors).',
    'Exit codes: 0 ok · 1 verification failed / some rows failed / check not met · 2 usage or input error · 130 interrupted.',
    '',
    'Example:',
    '  credstack keygen --out issuer.key.json',
    '  credstack issue --key issuer.key.json --template achievement.json --roster roster.csv --out cohort.jsonl',
    '  credstack verify cohort.jsonl',
  ].join('\n');
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** One clean line for a parseArgs error: the option, a near miss, and where the options are listed. */
function parseArgsMessage(err: unknown, cmd: Command): string {
  const code = (err as { code?: string })?.code;
  const msg = (err as Error)?.message ?? '';
  const opt = /'(-{1,2}[^'\s]*)/.exec(msg)?.[1];
  const see = `see credstack ${cmd.name} --help`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && opt) {
    const name = opt.replace(/^-+/, '').split('=')[0]!;
    const near = Object.keys(cmd.options).map((o) => ({ o, d: distance(o, name) })).sort((a, b) => a.d - b.d)[0];
    return `unknown option ${opt} for credstack ${cmd.name}${near && near.d <= 2 ? ` (did you mean --${near.o}?)` : ''}; ${see}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && opt) {
    return `option ${opt.split(' ')[0]} ${/argument missing/.test(msg) ? 'needs a value' : 'takes no value'}; ${see}`;
  }
  return `${msg.split('. ')[0]!.replace(/\.$/, '')}; ${see}`;
}

/** The help page of one command. */
export function commandHelp(cmd: Command): string {
  return [
    `credstack ${cmd.name} — ${cmd.summary}`,
    '',
    'Usage:',
    ...cmd.usage.map((u) => `  ${u}`),
    ...(cmd.description ? ['', cmd.description] : []),
    '',
    'Options:',
    ...cmd.optionHelp.map((o) => `  ${o}`),
    '  -h, --help          show this help',
    '      --debug         print stack traces on errors',
    '',
    'Example:',
    ...cmd.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/**
 * Run the CLI with `argv` (without node and script path) and return the exit code. Errors are printed on `io.stderr`
 * as `credstack: error: …` plus a hint; stack traces only with `--debug`.
 */
export async function runCli(argv: string[], io: Omit<Io, 'debug'> = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const debug = argv.includes('--debug');
  const full: Io = { ...io, debug };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    println(full.stdout, topic ? commandHelp(await topic.load()) : mainHelp());
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version' || name === '-v') {
    println(full.stdout, VERSION);
    return EXIT.OK;
  }
  const entry = commands.find((c) => c.name === name);
  try {
    if (!entry) {
      const near = commands.map((c) => ({ c, d: distance(c.name, name) })).sort((a, b) => a.d - b.d)[0];
      throw new CliError(`unknown command "${name}"`, { hint: near && near.d <= 2 ? `did you mean credstack ${near.c.name}? (credstack --help lists all)` : 'credstack --help lists the commands' });
    }
    // only the command that runs is loaded (and what it imports): a cold start does not parse the other sixteen
    const cmd = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      println(full.stdout, commandHelp(cmd));
      return EXIT.OK;
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...cmd.options, debug: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      throw new CliError(parseArgsMessage(err, cmd), { oneLine: true });
    }
    const { debug: _d, ...values } = parsed.values as Record<string, any>;
    return await cmd.run(values, parsed.positionals, full);
  } catch (err) {
    return reportError(err, full);
  }
}

function isMain(): boolean {
  if (!isMainThread) return false;
  try {
    const argv1 = process.argv[1];
    return argv1 !== undefined && realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // `credstack verify … | head`: the reader went away; stop quietly (exit 141 like a shell's SIGPIPE), no stack trace
  const quietOnEpipe = (err: NodeJS.ErrnoException): void => {
    if (err?.code === 'EPIPE') process.exit(141);
    throw err;
  };
  process.stdout.on('error', quietOnEpipe);
  process.stderr.on('error', quietOnEpipe);
  process.exitCode = await runCli(process.argv.slice(2));
}
