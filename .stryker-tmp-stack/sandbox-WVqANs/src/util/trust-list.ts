/**
 * @internal Parse a trust list (the CLI's `--trust-list FILE` and the verifier page's trust-list file): a JSON array of
 * DIDs or of `{ "id", "name" }`, `{ "issuers": [...] }`, an object `{ "did:…": "name" }`, or a text file with one DID
 * or URL per line (`#` comments; text after the DID is its name). Returns the issuers (id → name, `''` when unnamed)
 * and the entries that are neither (`bad`, as written, for the caller to report or ignore). Never throws.
 */
// @ts-nocheck

export function parseTrustList(src: string): { list: Map<string, string>; bad: string[] } {
  const list = new Map<string, string>();
  const bad: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(src);
  } catch {
    json = undefined;
  }
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const add = (e: unknown): void => {
    if (typeof e === 'string') list.set(e, '');
    else if (isObj(e) && typeof e.id === 'string') list.set(e.id, typeof e.name === 'string' ? e.name : '');
    else bad.push(typeof e === 'object' ? JSON.stringify(e) ?? 'null' : `${typeof e}`);
  };
  if (Array.isArray(json)) json.forEach(add);
  else if (isObj(json) && Array.isArray(json.issuers)) json.issuers.forEach(add);
  else if (isObj(json)) for (const [k, v] of Object.entries(json)) list.set(k, typeof v === 'string' ? v : '');
  else {
    for (const raw of src.split(/\r?\n/)) {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line) continue;
      const [id, ...name] = line.split(/\s+/);
      if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(id!)) list.set(id!, name.join(' '));
      else bad.push(id!);
    }
  }
  return { list, bad };
}
