// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { createDidWebDocument, rotateDidWebDocument } from '../../keys/did-web.js';
import { resolveDidKey } from '../../keys/did-key.js';
import { exportKeyPair, generateKeyPair, type KeyPair } from '../../keys/keypair.js';
import { CredstackError } from '../../errors.js';
import { CliError, EXIT, emitJson, loadKey, println, writeOutput, type Command } from '../util.js';

/** `credstack keygen`: make an Ed25519 issuer key, write it with mode 0600, print its DID (never the secret). */
export const keygen: Command = {
  name: 'keygen',
  summary: 'create an issuer key file (0600) and print its DID / DID document',
  usage: [
    'credstack keygen --out FILE [--algorithm Ed25519|P-256] [--key-format multikey|jwk] [--did-web did:web:HOST[:PATH]] [--key-id ID] [--did-document FILE|-] [--force]',
    'credstack keygen --key FILE --did-document FILE|-        (DID document of an existing key)',
    'credstack keygen --rotate did.json --out NEW.key.json [--key-id ID] [--retire ID]... (add a key to a did:web document)',
  ],
  description:
    'Writes the key (public + secret, Multikey JSON) readable only by you (0600). Prints the DID, which is the issuer id.\n' +
    'Without --did-web the DID is a did:key (works offline, no hosting). With --did-web, publish the DID document at the\n' +
    'URL printed, e.g. https://uni.example/.well-known/did.json. The secret key is never printed.\n' +
    '--algorithm P-256 makes an ECDSA P-256 key (ecdsa-rdfc-2019 proofs, ES256 VC-JWTs) instead of Ed25519.\n' +
    '--key-format jwk writes the key file as a private JWK (EC P-256 per RFC 7518, or OKP Ed25519 per RFC 8037; kid =\n' +
    'the key id) for tools and KMS imports that take JWKs; every credstack command reads either format.\n' +
    'Rotation: --rotate did.json generates a new key (written to --out, 0600), adds it first to the document\'s\n' +
    'verificationMethod / assertionMethod / authentication and keeps the old keys, so credentials they signed keep verifying;\n' +
    'the updated did.json replaces the old one atomically (no secret goes into it). --retire ID removes a key: credentials\n' +
    'it signed then fail with ERR_VERIFICATION_METHOD_NOT_FOUND.',
  options: {
    out: { type: 'string', short: 'o' },
    'did-web': { type: 'string' },
    'key-id': { type: 'string' },
    'did-document': { type: 'string' },
    key: { type: 'string', short: 'k' },
    force: { type: 'boolean', short: 'f' },
    json: { type: 'boolean' },
    algorithm: { type: 'string' },
    'key-format': { type: 'string' },
    rotate: { type: 'string' },
    retire: { type: 'string', multiple: true },
  },
  optionHelp: [
    '-o, --out FILE      where to write the key (refuses to overwrite without --force)',
    '    --did-web DID   make the key controlled by a did:web DID (key id DID#key-1 unless --key-id)',
    '    --key-id ID     verification method id (default DID#key-1 for did:web)',
    '    --did-document FILE|-  also write the public DID document (- = stdout)',
    '-k, --key FILE      use an existing key instead of generating one',
    '-f, --force         overwrite --out',
    '    --json          print { did, keyId, publicKeyMultibase } as JSON',
    '    --algorithm ALG Ed25519 (default) or P-256',
    '    --key-format F  multikey (default) or jwk: the format of the key file written to --out',
    '    --rotate FILE   add a new key to this did:web DID document (rewritten in place, atomically)',
    '    --retire ID     with --rotate: remove this key id from the document (repeatable)',
  ],
  examples: [
    'credstack keygen --out issuer.key.json',
    'credstack keygen --out uni.key.json --did-web did:web:uni.example --did-document did.json',
    'credstack keygen --out uni.jwk.json --algorithm P-256 --key-format jwk',
    'credstack keygen --rotate did.json --out uni-2026.key.json --algorithm P-256',
  ],
  async run(v, positionals, io) {
    if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`, { hint: 'credstack keygen --out FILE' });
    const algorithm = v.algorithm ?? 'Ed25519';
    if (algorithm !== 'Ed25519' && algorithm !== 'P-256') throw new CliError(`--algorithm ${String(algorithm).slice(0, 40)} is not supported`, { hint: 'use --algorithm Ed25519 or --algorithm P-256' });
    const format = v['key-format'] ?? 'multikey';
    if (format !== 'multikey' && format !== 'jwk') throw new CliError(`--key-format ${String(format).slice(0, 40)} is not supported`, { hint: 'use --key-format multikey or --key-format jwk' });
    if (v['key-format'] !== undefined && v.key) throw new CliError('--key-format is the format of the key written to --out; --key reads an existing key');
    if (v.retire !== undefined && v.rotate === undefined) throw new CliError('--retire needs --rotate did.json');
    if (v.rotate !== undefined) return rotate(v, io, algorithm);
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
      key = await generateKeyPair(did ? { controller: did, id: v['key-id'] ?? `${did}#key-1`, algorithm } : { algorithm });
      await writeOutput(v.out, keyFileText(key, format), { force: v.force, mode: 0o600 });
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

/** The key file's text: the key pair with its secret, as Multikey JSON or a private JWK (never printed). */
function keyFileText(key: KeyPair, format: 'multikey' | 'jwk'): string {
  const out = format === 'jwk' ? exportKeyPair(key, { format: 'jwk', includeSecret: true }) : exportKeyPair(key, { includeSecret: true });
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `keygen --rotate did.json --out NEW`: a new key in the document, old keys kept (or `--retire`d). */
async function rotate(v: Record<string, any>, io: Parameters<Command['run']>[2], algorithm: 'Ed25519' | 'P-256'): Promise<number> {
  if (!v.out) throw new CliError('--rotate needs --out FILE for the new key', { hint: 'credstack keygen --rotate did.json --out new.key.json' });
  if (v.key || v['did-web'] || v['did-document']) throw new CliError('--rotate takes the DID from the document: drop --key / --did-web / --did-document');
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(await readFile(v.rotate, 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read the DID document ${v.rotate}: ${(err as Error).message.slice(0, 200)}`);
  }
  const did = doc && typeof doc === 'object' ? doc.id : undefined;
  if (typeof did !== 'string' || !/^did:web:[^:#/?]+(:[^:#/?]+)*$/.test(did)) throw new CliError(`${v.rotate} is not a did:web DID document (its id must be did:web:…)`);
  const taken = new Set((Array.isArray(doc.verificationMethod) ? doc.verificationMethod : []).map((m: any) => (typeof m?.id === 'string' && m.id.startsWith('#') ? did + m.id : m?.id)));
  let id: string | undefined = v['key-id'];
  for (let n = 1; id === undefined; n++) if (!taken.has(`${did}#key-${n}`)) id = `${did}#key-${n}`;
  const key = await generateKeyPair({ controller: did, id, algorithm });
  let rotated;
  try {
    rotated = rotateDidWebDocument(doc, key, { retire: v.retire ?? [] });
  } catch (err) {
    throw new CliError(err instanceof CredstackError ? err.message : 'cannot rotate the document');
  }
  // the new secret goes only where asked (--out, 0600, never overwritten without --force); then the public document
  await writeOutput(v.out, keyFileText(key, v['key-format'] ?? 'multikey'), { force: v.force, mode: 0o600 });
  await writeOutput(v.rotate, `${JSON.stringify(rotated, null, 2)}\n`, { force: true });
  const info = { did, keyId: key.id, publicKeyMultibase: key.publicKeyMultibase, keyFile: v.out, didDocument: v.rotate, keys: (rotated.verificationMethod ?? []).map((m) => m.id), retired: v.retire ?? [] };
  if (v.json) {
    await emitJson(io, info);
  } else {
    println(io.stdout, `did:     ${did}`);
    println(io.stdout, `new key: ${key.id} (${algorithm})`);
    println(io.stdout, `wrote:   ${v.out} (mode 0600; keep it secret) and ${v.rotate} (${info.keys.length} keys${info.retired.length ? `, retired ${info.retired.join(', ')}` : ''})`);
    println(io.stdout, 'sign new credentials with the new key; publish the updated did.json; old keys stay valid while listed');
  }
  return EXIT.OK;
}
