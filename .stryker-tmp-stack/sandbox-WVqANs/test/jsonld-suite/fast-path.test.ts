// @ts-nocheck
// credstack's jsonld fast path (src/jsonld/fast.ts): pinned to the jsonld version it was written for, processed contexts
// frozen, and processed contexts reused across calls (work bounds: term definitions created, contexts cloned).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import contextApi from 'jsonld/lib/context.js';
import { createDocumentLoader, JSONLD_FAST_PATH_VERSION, jsonldFastPath, VC_V2_CONTEXT } from '../../src/index.js';
import { sampleCredential } from '../helpers.js';

const installed = JSON.parse(readFileSync(new URL('../../node_modules/jsonld/package.json', import.meta.url), 'utf8')).version;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const loader = createDocumentLoader(); // installs the fast path

describe('jsonld fast path: pinned version', () => {
  it('the installed jsonld is exactly the version the fast path was written and checked for', () => {
    // If this fails, jsonld was upgraded: re-read src/jsonld/fast.ts against the new lib/context.js, re-run
    // scripts/jsonld-suite-stock.ts, then update JSONLD_FAST_PATH_VERSION and the pin in package.json.
    expect(installed, `installed jsonld ${installed} is not ${JSONLD_FAST_PATH_VERSION}, the version src/jsonld/fast.ts was made for`).toBe(JSONLD_FAST_PATH_VERSION);
    expect(pkg.dependencies.jsonld).toBe(JSONLD_FAST_PATH_VERSION);
    expect(jsonldFastPath()).toBe('installed');
  });
});

describe('jsonld fast path: processed contexts are frozen', () => {
  it('mutating a processed context throws and leaves it unchanged', async () => {
    const initial = await jsonld.processContext(null, null, {});
    const ctx = await jsonld.processContext(initial, VC_V2_CONTEXT, { documentLoader: loader });
    expect(ctx.mappings.get('id')['@id']).toBe('@id');
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(() => ctx.mappings.set('id', { '@id': 'https://evil.example/id' })).toThrow(TypeError);
    expect(() => ctx.mappings.delete('id')).toThrow(TypeError);
    expect(() => ctx.mappings.clear()).toThrow(TypeError);
    expect(() => {
      ctx.mappings.get('type')['@id'] = 'https://evil.example/type';
    }).toThrow(TypeError);
    expect(() => {
      ctx['@vocab'] = 'https://evil.example/';
    }).toThrow(TypeError);
    expect(() => {
      ctx.protected.id = false;
    }).toThrow(TypeError);
    expect([...ctx.mappings.values()].filter((d: any) => d && !Object.isFrozen(d))).toEqual([]);
    expect(ctx.mappings.get('id')['@id']).toBe('@id');
    expect(ctx.mappings.get('type')['@id']).toBe('@type');
    expect(ctx['@vocab']).toBeUndefined();
    // a later call gets the same (cached, frozen) processed context
    expect(await jsonld.processContext(initial, VC_V2_CONTEXT, { documentLoader: loader })).toBe(ctx);
  });
});

describe('jsonld fast path: work is not repeated across calls', () => {
  it('a second expansion of the same credential defines no term and copies no context deeply', async () => {
    const cred = sampleCredential('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK');
    const first = await jsonld.expand(cred, { documentLoader: loader, safe: true });
    let defined = 0;
    const create = contextApi.createTermDefinition;
    contextApi.createTermDefinition = function (this: unknown, o: unknown) {
      defined++;
      return create.call(this, o);
    };
    try {
      const second = await jsonld.expand(cred, { documentLoader: loader, safe: true });
      expect(second).toEqual(first);
    } finally {
      contextApi.createTermDefinition = create;
    }
    // stock jsonld 9.0.0 defines 105 terms again on every call (and deep-copies the term map 32 times)
    expect(defined).toBe(0);
  });
});
