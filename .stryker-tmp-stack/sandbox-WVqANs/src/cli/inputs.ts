// @ts-nocheck
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { detectImageType, extractCredential } from '../baking/extract.js';
import { CliError, assertExists, holdsSecret, isDirectory, jsonLines, parseJsonQuietly, readBytes } from './util.js';

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const EXTS = new Set(['.json', '.jsonld', '.jwt', '.jws', '.jsonl', '.png', '.svg']);

/** A credential read from disk, with where it came from. */
export interface LoadedCredential {
  source: string;
  credential: Record<string, any> | string;
}

/**
 * Read credentials from files and folders (recursively): .json, .jwt, .jsonl (one per line, or credstack issue's
 * `{ key, credential }` records), baked .png / .svg. Used by bundle and stack (which need them all in memory).
 */
export async function loadCredentials(paths: string[]): Promise<LoadedCredential[]> {
  const out: LoadedCredential[] = [];
  const files: string[] = [];
  for (const p of paths) {
    await assertExists(p);
    if (await isDirectory(p)) {
      const entries = (await readdir(p, { recursive: true })).map(String).sort();
      for (const e of entries) if (EXTS.has(extname(e).toLowerCase()) && !e.split(/[\\/]/).some((s) => s.startsWith('.'))) files.push(join(p, e));
    } else files.push(p);
  }
  for (const f of files) {
    const bytes = await readBytes(f, 'credential');
    if (detectImageType(bytes)) {
      out.push({ source: f, credential: extractCredential(bytes).credential as Record<string, any> | string });
      continue;
    }
    const text = new TextDecoder().decode(bytes).trim();
    if (JWS.test(text)) {
      out.push({ source: f, credential: text });
      continue;
    }
    if (extname(f).toLowerCase() === '.jsonl') {
      for (const { line, record: rec } of jsonLines(text, f)) {
        out.push({ source: `${f}:${line}`, credential: rec && 'credential' in rec && !('proof' in rec) ? rec.credential : rec });
      }
      continue;
    }
    const credential = parseJsonQuietly(text, f, 'pass signed credentials (.json, .jwt, .jsonl, baked .png/.svg)') as Record<string, any>;
    if (holdsSecret(credential)) throw new CliError(`${f} holds secret key material, not a credential`, { hint: 'keep key files out of the credential folders' });
    out.push({ source: f, credential });
  }
  return out;
}
