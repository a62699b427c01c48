import { createDidWebDocument } from '../../keys/did-web.js';
import { resolveDidKey } from '../../keys/did-key.js';
import { exportKeyPair, generateKeyPair } from '../../keys/keypair.js';
import { CliError, EXIT, emitJson, loadKey, println, writeOutput, type Command } from '../util.js';

/** `credstack keygen`: make an Ed25519 issuer key, write it with mode 0600, print its DID (never the secret). */
export const keygen: Command = {
  name: 'keygen',
  summary: 'create an issuer key file (0600) and print its DID / DID document',
  usage: [
    'credstack keygen --out FILE [--did-web did:web:HOST[:PATH]] [--key-id ID] [--did-document FILE|-] [--force]',
    'credstack keygen --key FILE --did-document FILE|-        (DID document of an existing key)',
  ],
  description:
    'Writes the key (public + secret, Multikey JSON) readable only by you (0600). Prints the DID, which is the issuer id.\n' +
    'Without --did-web the DID is a did:key (works offline, no hosting). With --did-web, publish the DID document at the\n' +
    'URL printed, e.g. https://uni.example/.well-known/did.json. The secret key is never printed.',
  options: {
    out: { type: 'string', short: 'o' },
    'did-web': { type: 'string' },
    'key-id': { type: 'string' },
    'did-document': { type: 'string' },
    key: { type: 'string', short: 'k' },
    force: { type: 'boolean', short: 'f' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    '-o, --out FILE      where to write the key (refuses to overwrite without --force)',
    '    --did-web DID   make the key controlled by a did:web DID (key id DID#key-1 unless --key-id)',
    '    --key-id ID     verification method id (default DID#key-1 for did:web)',
    '    --did-document FILE|-  also write the public DID document (- = stdout)',
    '-k, --key FILE      use an existing key instead of generating one',
    '-f, --force         overwrite --out',
    '    --json          print { did, keyId, publicKeyMultibase } as JSON',
  ],
  examples: [
    'credstack keygen --out issuer.key.json',
    'credstack keygen --out uni.key.json --did-web did:web:uni.example --did-document did.json',
  ],
  async run(v, positionals, io) {
    if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`, { hint: 'credstack keygen --out FILE' });
    let key;
    if (v.key) {
      if (v.out) throw new CliError('--key and --out together: --key reads an existing key, --out writes a new one');
      key = await loadKey(v.key, false);
    } else {
      if (!v.out) throw new CliError('--out FILE is required', { hint: 'credstack keygen --out issuer.key.json' });
      const did: string | undefined = v['did-web'];
      if (did !== undefined && !/^did:web:[^:#/?]+(:[^:#/?]+)*$/.test(did)) {
        throw new CliError(`--did-web ${did} is not a did:web DID`, { hint: 'e.g. --did-web did:web:uni.example or did:web:uni.example:faculty:law' });
      }
      key = await generateKeyPair(did ? { controller: did, id: v['key-id'] ?? `${did}#key-1` } : {});
      await writeOutput(v.out, `${JSON.stringify(exportKeyPair(key, { includeSecret: true }), null, 2)}\n`, { force: v.force, mode: 0o600 });
    }
    const info = { did: key.controller, keyId: key.id, publicKeyMultibase: key.publicKeyMultibase, ...(v.out ? { keyFile: v.out } : {}) };
    if (v['did-document'] !== undefined) {
      const doc = key.controller.startsWith('did:web:') ? createDidWebDocument(key.controller, [key]) : resolveDidKey(key.controller);
      const toStdout = v['did-document'] === '-';
      await emitJson(io, doc, toStdout ? undefined : v['did-document'], v.force ?? false);
      if (toStdout) return EXIT.OK;
    }
    if (v.json) {
      await emitJson(io, info);
    } else {
      println(io.stdout, `did:    ${info.did}`);
      println(io.stdout, `key id: ${info.keyId}`);
      if (v.out) println(io.stdout, `wrote:  ${v.out} (mode 0600; keep it secret, back it up)`);
      if (key.controller.startsWith('did:web:')) {
        const { didWebToUrl } = await import('../../keys/did-web.js');
        println(io.stdout, `publish the DID document at ${didWebToUrl(key.controller)}${v['did-document'] ? ` (written to ${v['did-document']})` : ' (add --did-document did.json)'}`);
      }
    }
    return EXIT.OK;
  },
};
