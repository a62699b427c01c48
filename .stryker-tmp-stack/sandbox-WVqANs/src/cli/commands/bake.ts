// @ts-nocheck
import { extname } from 'node:path';
import { bakePng } from '../../baking/png.js';
import { bakeSvg } from '../../baking/svg.js';
import { detectImageType, extractCredential } from '../../baking/extract.js';
import { CliError, EXIT, emitJson, holdsSecret, parseJsonQuietly, println, readBytes, readText, writeOutput, type Command } from '../util.js';

/** `credstack bake`: embed a signed credential in a PNG or SVG badge image. */
export const bake: Command = {
  name: 'bake',
  summary: 'embed a signed credential (JSON or JWT) in a PNG or SVG badge image',
  usage: ['credstack bake --image BADGE.png|svg --credential FILE --out BAKED.png|svg [--clr] [--force]'],
  description: 'A credential already baked into the image is replaced. Note: iOS 16+ strips image metadata when images are saved or shared.',
  options: {
    image: { type: 'string', short: 'i' },
    credential: { type: 'string', short: 'c' },
    out: { type: 'string', short: 'o' },
    clr: { type: 'boolean' },
    force: { type: 'boolean', short: 'f' },
  },
  optionHelp: [
    '-i, --image FILE        badge image (.png or .svg)',
    '-c, --credential FILE   signed credential (.json) or VC-JWT (.jwt)',
    '-o, --out FILE          baked image to write',
    '    --clr               bake as a CLR 2.0 credential (keyword clrcredential)',
    '-f, --force             overwrite --out',
  ],
  examples: ['credstack bake --image badge.png --credential badge.json --out badge-baked.png'],
  async run(v, positionals, io) {
    if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`, { hint: 'see credstack bake --help' });
    if (!v.image || !v.credential || !v.out) throw new CliError('--image, --credential and --out are required', { hint: 'credstack bake --image badge.png --credential badge.json --out baked.png' });
    const image = await readBytes(v.image, 'image');
    const text = (await readText(v.credential, 'credential')).trim();
    const credential = (text.startsWith('{') ? parseJsonQuietly(text, v.credential, 'the credential must be JSON or a VC-JWT') : text) as object | string;
    if (holdsSecret(credential)) throw new CliError(`${v.credential} holds secret key material, not a credential`, { hint: 'bake a signed credential' });
    const type = detectImageType(image);
    if (!type) throw new CliError(`${v.image} is neither a PNG nor an SVG`, { hint: 'bake into a .png or .svg badge image' });
    const outExt = extname(v.out).toLowerCase();
    if (outExt && outExt !== `.${type}`) throw new CliError(`--out ${v.out} has extension ${outExt} but the image is ${type.toUpperCase()}`);
    const opts = v.clr ? { kind: 'clr' as const } : {};
    const baked = type === 'png' ? bakePng(image, credential, opts) : bakeSvg(image, credential, opts);
    await writeOutput(v.out, baked, { force: v.force });
    println(io.stdout, `baked ${typeof credential === 'string' ? 'a VC-JWT' : ((credential as any).id ?? 'the credential')} into ${v.out}`);
    return EXIT.OK;
  },
};

/** `credstack extract`: take the credential out of a baked PNG or SVG. */
export const extract: Command = {
  name: 'extract',
  summary: 'take the credential out of a baked PNG or SVG badge image',
  usage: ['credstack extract BAKED.png|svg [--out FILE]'],
  description: 'Prints the credential (JSON, or the VC-JWT) or writes it to --out. Verify it with credstack verify.',
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean', short: 'f' } },
  optionHelp: ['-o, --out FILE          write the credential here (default stdout)', '-f, --force             overwrite --out'],
  examples: ['credstack extract badge-baked.png --out badge.json && credstack verify badge.json'],
  async run(v, positionals, io) {
    const [file, extra] = positionals;
    if (!file) throw new CliError('an image file is required', { hint: 'credstack extract baked.png' });
    if (extra) throw new CliError(`unexpected argument ${extra}`);
    const bytes = await readBytes(file, 'image');
    if (!detectImageType(bytes)) throw new CliError(`${file} is neither a PNG nor an SVG`);
    const { credential, kind, format } = extractCredential(bytes);
    await emitJson(io, credential, v.out, v.force ?? false);
    if (v.out) println(io.stderr, `extracted a ${kind === 'ob2' ? 'OB 2.0' : kind === 'clr' ? 'CLR 2.0' : 'OB 3.0'} credential from the ${format.toUpperCase()} → ${v.out}`);
    return EXIT.OK;
  },
};
