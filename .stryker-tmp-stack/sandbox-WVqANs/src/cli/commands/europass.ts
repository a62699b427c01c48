// @ts-nocheck
import { createPrivateKey } from 'node:crypto';
// the Europass modules (country lists, XML) and the signing stack load on first use, not with every CLI command
const lazy = {
  fromElm: async (...a: Parameters<typeof import('../../europass/from-elm.js').fromElm>) => (await import('../../europass/from-elm.js')).fromElm(...a),
  signJades: async (...a: Parameters<typeof import('../../europass/jades.js').signJades>) => (await import('../../europass/jades.js')).signJades(...a),
  issueCredential: async (...a: Parameters<typeof import('../../issue.js').issueCredential>) => (await import('../../issue.js')).issueCredential(...a),
};
import { CliError, EXIT, emitJson, loadKey, parseNow, println, readJson, readText, type Command } from '../util.js';

function requireElm(v: Record<string, any>, name: string): void {
  if (!v.elm) throw new CliError(`credstack ${name} needs --elm (the only format it converts today)`, { hint: `credstack ${name} --elm FILE` });
}

/** `credstack export --elm`: an Open Badge → a European Digital Credential (ELM 3). */
export const exportCmd: Command = {
  name: 'export',
  summary: 'turn an Open Badge micro-credential into a Europass European Digital Credential (ELM 3)',
  usage: ['credstack export --elm BADGE.json [--out EDC.json] [--key KEY.json | --jades-cert CERT.pem --jades-key KEY.pem]'],
  description:
    'Maps every EU micro-credential element onto the European Learning Model; values with no EU concept are exported as local\n' +
    'concepts and listed as notes on stderr. Without --key or --jades-* the EDC is unsigned. --key signs it with a Data Integrity\n' +
    'proof (eddsa-rdfc-2022; the issuer becomes the key\'s DID); --jades-cert/--jades-key seal it as JAdES (JWS JSON, b64:false,\n' +
    'x5c). Only a qualified electronic seal makes it a legally recognised Europass credential.',
  options: {
    elm: { type: 'boolean' }, out: { type: 'string', short: 'o' }, key: { type: 'string' }, now: { type: 'string' },
    'jades-cert': { type: 'string' }, 'jades-key': { type: 'string' }, force: { type: 'boolean' },
  },
  optionHelp: [
    '    --elm               convert to a European Digital Credential (ELM 3)',
    '-o, --out FILE          write the EDC here (default: stdout)',
    '    --key FILE          sign with this key (credstack keygen) as a Data Integrity proof',
    '    --jades-cert FILE   seal as JAdES with this certificate (PEM; chain: leaf first)',
    '    --jades-key FILE    the certificate\'s private key (PEM, PKCS#8)',
    '    --now DATE          clock for dates and the proof',
    '    --force             overwrite --out',
  ],
  examples: ['credstack export --elm anna.badge.json --key issuer.key.json --out anna.edc.json'],
  async run(v, positionals, io) {
    requireElm(v, 'export');
    const [file, extra] = positionals;
    if (!file) throw new CliError('a badge file is required', { hint: 'credstack export --elm badge.json' });
    if (extra) throw new CliError(`unexpected argument ${extra}`, { hint: 'export one credential at a time' });
    if (v.key && (v['jades-cert'] || v['jades-key'])) throw new CliError('choose --key (Data Integrity) or --jades-cert/--jades-key (JAdES), not both');
    if (!!v['jades-cert'] !== !!v['jades-key']) throw new CliError('--jades-cert and --jades-key go together');
    const now = parseNow(v.now) ?? new Date();
    const badge = await readJson(file, 'badge');
    const { toElm } = await import('../../europass/to-elm.js');
    const { document, notes } = await (async () => {
      try {
        return await toElm(badge, { now });
      } catch (err) {
        throw new CliError(`${file}: ${(err as Error).message}`, { hint: 'pass an Open Badge credential (JSON) made with credstack issue', cause: err });
      }
    })();
    for (const n of notes) println(io.stderr, `note: ${n.element}: ${n.message}`);
    let out: unknown = document;
    if (v.key) {
      const key = await loadKey(v.key);
      const issuer = { ...(document.issuer as Record<string, unknown>), id: key.controller };
      out = await lazy.issueCredential({ ...document, issuer }, { key, now, skipSchema: true });
    } else if (v['jades-cert']) {
      const certificate = await readText(v['jades-cert'], 'certificate');
      const pem = await readText(v['jades-key'], 'private key');
      let privateKey;
      try {
        privateKey = createPrivateKey(pem);
      } catch {
        // never echo the key file's content
        throw new CliError(`${v['jades-key']} is not a PEM private key`, { hint: 'a PKCS#8 PEM file (-----BEGIN PRIVATE KEY-----)' });
      }
      out = await lazy.signJades(document, { certificate: certificate.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [certificate], privateKey, now });
    }
    await emitJson(io, out, v.out, !!v.force);
    if (v.out) println(io.stderr, `wrote ${v.out} (${v.key ? 'signed, Data Integrity' : v['jades-cert'] ? 'sealed, JAdES' : 'unsigned'}; ${notes.length} note(s))`);
    return EXIT.OK;
  },
};

/** `credstack import --elm`: a European Digital Credential → credstack's model (an unsigned Open Badge). */
export const importCmd: Command = {
  name: 'import',
  summary: 'read a Europass European Digital Credential (ELM 3) into an Open Badge, reporting what cannot be mapped',
  usage: ['credstack import --elm EDC.json [--out BADGE.json] [--json]'],
  description:
    'Reads an EDC (plain, Data Integrity signed, or a JAdES envelope; signatures are not checked here: use credstack verify)\n' +
    'through its JSON-LD meaning, prints the EU elements it found, and writes an unsigned Open Badge with --out.\n' +
    'Every field it cannot use is printed as a problem (exit 1): no awarding body, a learning outcome without title, an\n' +
    'unknown controlled-vocabulary URI, … Sign the badge afterwards with your own key.',
  options: { elm: { type: 'boolean' }, out: { type: 'string', short: 'o' }, json: { type: 'boolean' }, force: { type: 'boolean' } },
  optionHelp: [
    '    --elm               the input is a European Digital Credential (ELM 3)',
    '-o, --out FILE          write the unsigned Open Badge here',
    '    --json              print the full import report as JSON',
    '    --force             overwrite --out',
  ],
  examples: ['credstack import --elm partner.edc.json --out partner.badge.json'],
  async run(v, positionals, io) {
    requireElm(v, 'import');
    const [file, extra] = positionals;
    if (!file) throw new CliError('an EDC file is required', { hint: 'credstack import --elm edc.json' });
    if (extra) throw new CliError(`unexpected argument ${extra}`, { hint: 'import one credential at a time' });
    const doc = await readJson(file, 'European Digital Credential');
    let r;
    try {
      r = await lazy.fromElm(doc);
    } catch (err) {
      throw new CliError(`${file}: ${(err as Error).message}`, { hint: 'pass a European Digital Credential (JSON-LD with the edc-ap context)', cause: err });
    }
    if (v.json) println(io.stdout, JSON.stringify({ elements: r.elements, problems: r.problems, notes: r.notes, jades: r.jades }, null, 2));
    else {
      const e = r.elements;
      println(io.stdout, `${Object.values(e.title)[0] ?? '(no title)'} — awarded by ${e.awardingBodies.map((b) => Object.values(b.name)[0] ?? b.id).join(', ') || '(none)'}`);
      println(io.stdout, `  learner: ${e.learner.id ?? (e.learner.identifiers.length ? `${e.learner.identifiers.length} identifier(s)` : '(none)')}`);
      println(io.stdout, `  level: ${e.levels.map((l) => (l.framework === 'none' ? 'not applicable' : `${l.framework} ${l.level}`)).join(', ')}  workload: ${e.workload.map((w) => `${w.value} ${w.unit}`).join(' + ') || '(none)'}`);
      println(io.stdout, `  learning outcomes: ${e.learningOutcomes.length}  assessments: ${e.assessments.map((a) => a.assessmentType).join(', ') || '(none)'}`);
      for (const p of r.problems) println(io.stdout, `PROBLEM ${p.code} ${p.path}: ${p.message}`);
      for (const n of r.notes) println(io.stderr, `note: ${n.path}: ${n.message}`);
    }
    if (r.credential && v.out) {
      await emitJson(io, r.credential, v.out, !!v.force);
      println(io.stderr, `wrote ${v.out} (unsigned Open Badge; sign it with credstack issue or issueCredential)`);
    }
    return r.problems.length ? EXIT.FAILED : EXIT.OK;
  },
};
