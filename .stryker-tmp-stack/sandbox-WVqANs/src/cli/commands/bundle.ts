// @ts-nocheck
import { join } from 'node:path';
import { fileNameForKey } from '../../batch/output.js';
import { loadCredentials } from '../inputs.js';
import { CliError, EXIT, emitJson, loadKey, parseNow, println, readJson, writeOutput, type Command } from '../util.js';

/** `credstack bundle`: a CLR 2.0 portfolio signed by an institution, or a presentation signed by the learner. */
export const bundle: Command = {
  name: 'bundle',
  summary: 'bundle credentials into a CLR 2.0 portfolio (institution) or a Verifiable Presentation (learner)',
  usage: [
    'credstack bundle --key INSTITUTION.key.json CREDENTIAL... --out clr.json [--learner DID|EMAIL|STUDENT_ID] [--name NAME]',
    'credstack bundle --presentation --key LEARNER.key.json CREDENTIAL... --out vp.json [--challenge C --domain D]',
  ],
  description: 'The credentials are embedded unchanged: each still verifies on its own (credstack unbundle takes them out).',
  options: {
    key: { type: 'string', short: 'k' },
    out: { type: 'string', short: 'o' },
    presentation: { type: 'boolean' },
    learner: { type: 'string' },
    name: { type: 'string' },
    'issuer-name': { type: 'string' },
    challenge: { type: 'string' },
    domain: { type: 'string' },
    now: { type: 'string' },
    force: { type: 'boolean', short: 'f' },
  },
  optionHelp: [
    '-k, --key FILE          signing key: the institution (CLR) or the learner (--presentation)',
    '-o, --out FILE          portfolio to write (default stdout)',
    '    --presentation      a Verifiable Presentation signed by the learner instead of a CLR',
    '    --learner WHO       the learner: a DID, an email or a student id; every credential must be theirs',
    '                        (hashed emails / student ids are checked with each credential\'s salt)',
    '    --name NAME         CLR name',
    '    --issuer-name NAME  CLR issuer Profile name',
    '    --challenge C, --domain D  presentation proof challenge and domain (ask the verifier)',
    '    --now DATE          signing date',
  ],
  examples: ['credstack bundle --key uni.key.json out/ai.json out/data.json --learner did:key:z6Mk… --out clr.json'],
  async run(v, positionals, io) {
    const { bundlePresentation } = await import('../../portfolio/bundle-presentation.js');
    const { bundleClr } = await import('../../portfolio/bundle-clr.js');
    if (!positionals.length) throw new CliError('no credentials to bundle', { hint: 'credstack bundle --key KEY a.json b.json --out clr.json' });
    const key = await loadKey(v.key);
    const credentials = (await loadCredentials(positionals)).map((c) => c.credential);
    const now = parseNow(v.now);
    let portfolio;
    if (v.presentation) {
      portfolio = await bundlePresentation(credentials as Record<string, any>[], {
        holderKey: key,
        ...(v.challenge !== undefined ? { challenge: v.challenge } : {}),
        ...(v.domain !== undefined ? { domain: v.domain } : {}),
        ...(now ? { now } : {}),
      });
    } else {
      if (v.challenge !== undefined || v.domain !== undefined) throw new CliError('--challenge/--domain apply to --presentation only');
      portfolio = await bundleClr(credentials as Record<string, any>[], {
        key,
        issuer: { id: key.controller, type: ['Profile'], name: v['issuer-name'] ?? 'Issuer' },
        ...(v.learner !== undefined ? { learner: v.learner } : {}),
        ...(v.name !== undefined ? { name: v.name } : {}),
        ...(now ? { now } : {}),
      });
    }
    await emitJson(io, portfolio, v.out, v.force ?? false);
    if (v.out) println(io.stderr, `bundled ${credentials.length} credential(s) into a ${v.presentation ? 'presentation' : 'CLR 2.0 credential'} → ${v.out}`);
    return EXIT.OK;
  },
};

/** `credstack unbundle`: write a portfolio's credentials out, unchanged. */
export const unbundle: Command = {
  name: 'unbundle',
  summary: 'take the credentials out of a CLR 2.0 portfolio or presentation, unchanged',
  usage: ['credstack unbundle PORTFOLIO.json [--out-dir DIR] [--force]'],
  description: 'Without --out-dir prints a JSON array. Each credential still verifies on its own.',
  options: { 'out-dir': { type: 'string', short: 'o' }, force: { type: 'boolean', short: 'f' } },
  optionHelp: ['-o, --out-dir DIR       write one file per credential (named by credential id)', '-f, --force             overwrite files in DIR'],
  examples: ['credstack unbundle clr.json --out-dir credentials/ && credstack verify credentials/'],
  async run(v, positionals, io) {
    const { unbundle: unbundleDoc } = await import('../../portfolio/unbundle.js');
    const [file, extra] = positionals;
    if (!file) throw new CliError('a portfolio file is required', { hint: 'credstack unbundle clr.json --out-dir credentials/' });
    if (extra) throw new CliError(`unexpected argument ${extra}`);
    const creds = unbundleDoc(await readJson(file, 'portfolio'));
    if (!v['out-dir']) {
      println(io.stdout, JSON.stringify(creds, null, 2));
      return EXIT.OK;
    }
    let i = 0;
    for (const c of creds) {
      i++;
      const isJwt = typeof c === 'string';
      const id = !isJwt && typeof c.id === 'string' ? c.id : `credential-${i}`;
      const path = join(v['out-dir'], fileNameForKey(id, isJwt ? '.jwt' : '.json'));
      await writeOutput(path, isJwt ? `${c}\n` : `${JSON.stringify(c, null, 2)}\n`, { force: v.force });
      println(io.stdout, path);
    }
    println(io.stderr, `wrote ${creds.length} credential(s) to ${v['out-dir']}`);
    return EXIT.OK;
  },
};
