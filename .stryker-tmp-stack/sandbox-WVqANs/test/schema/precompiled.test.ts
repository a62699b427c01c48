// @ts-nocheck
// The JSON Schemas are precompiled (scripts/build-schemas.ts → src/schema/precompiled/*.js, committed): these tests fail
// when the committed modules are stale, and check that the precompiled validators judge exactly as ajv compiling the
// schemas at run time would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { defineProfile } from '../../src/index.js';
import * as precompiled from '../../src/schema/precompiled/ob.js';
import { stackingRule } from '../../src/schema/precompiled/stacking-rule.js';
import { OUTPUTS, generate, readSchema, stale } from '../../scripts/build-schemas.js';
import { awardExample } from '../../examples/microcredentials/network.js';

const root = join(import.meta.dirname, '..', '..');
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

describe('precompiled schemas', () => {
  it('the committed modules are what schemas/ generates now (run npm run schemas after editing a schema)', () => {
    expect(stale()).toEqual([]);
    expect(Object.keys(OUTPUTS).sort()).toEqual(['src/schema/precompiled/ob.js', 'src/schema/precompiled/stacking-rule.js']);
  }, 60_000);

  it('a changed schema makes the committed module stale', () => {
    const changed = generate((file) => {
      const s = readSchema(file) as any;
      if (file === 'ob-v3p0-profile.schema.json') s.description = 'a changed description';
      return s;
    });
    expect(changed['src/schema/precompiled/ob.js']).not.toBe(readFileSync(join(root, 'src/schema/precompiled/ob.js'), 'utf8'));
    expect(changed['src/schema/precompiled/ob.js']).toContain('a changed description');
    // the other module does not depend on that schema
    expect(changed['src/schema/precompiled/stacking-rule.js']).toBe(readFileSync(join(root, 'src/schema/precompiled/stacking-rule.js'), 'utf8'));
  }, 60_000);

  it('the modules are ES modules without require() (they run in a browser bundle and in Node ESM)', () => {
    for (const file of Object.keys(OUTPUTS)) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text).not.toMatch(/\brequire\(/);
      expect(text).not.toMatch(/from "node:/);
    }
  });

  it('precompiled validators report exactly what run-time compiled ones report', () => {
    const spec = OUTPUTS['src/schema/precompiled/ob.js'];
    const ajv = new Ajv2020({ ...spec.options });
    addFormats(ajv);
    for (const s of spec.shared) ajv.addSchema(readSchema(s));
    const compiled = Object.fromEntries(Object.entries(spec.exports).map(([name, file]) => {
      const json = readSchema(file);
      return [name, ajv.getSchema(json.$id) ?? ajv.compile(json)];
    }));
    const issuer = defineProfile({ id: 'did:key:z6MkIssuer', name: 'U-Net', country: 'IT' });
    const good = () => structuredClone(awardExample('data', issuer, { did: 'did:key:z6MkLearner', studentId: 'S1' })) as any;
    const inputs: unknown[] = [good(), {}, null, 7, 'x', []];
    const mutations: ((c: any) => void)[] = [
      (c) => delete c.credentialSubject.achievement.criteria,
      (c) => (c.validFrom = 'yesterday'),
      (c) => (c.type = ['VerifiableCredential']),
      (c) => (c.issuer = 42),
      (c) => (c['@context'] = ['https://example.org/']),
      (c) => (c.credentialSubject.achievement.name = ''),
      (c) => (c.id = 'not a uri'),
      (c) => (c.credentialSubject = []),
    ];
    for (const m of mutations) {
      const c = good();
      m(c);
      inputs.push(c);
    }
    // the compact validators carry no value, parentSchema or message (verbose: false, messages: false) and write
    // absolute schemaPaths (`<file>#/…`, ajv writes them relative to the function's schema); the rest is ajv's own.
    // A verbose run-time compilation of the same schemas shows that the descriptions table gives each error the
    // description of its parentSchema, and the contains table what its `contains` asks for
    const verboseAjv = new Ajv2020({ ...spec.options, verbose: true });
    addFormats(verboseAjv);
    for (const s of spec.shared) verboseAjv.addSchema(readSchema(s));
    const verbose = Object.fromEntries(Object.entries(spec.exports).map(([name, file]) => {
      const json = readSchema(file);
      return [name, verboseAjv.getSchema(json.$id) ?? verboseAjv.compile(json)];
    }));
    const strip = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, params: e.params, message: e.message, propertyName: e.propertyName, data: e.data }));
    const node = (schemaPath: string) => schemaPath.slice(0, schemaPath.lastIndexOf('/'));
    let failures = 0;
    let described = 0;
    for (const [name, fn] of Object.entries(compiled)) {
      const pre = (precompiled as unknown as Record<string, typeof fn>)[name]!;
      for (const input of inputs) {
        const a = fn!(input);
        const b = pre(input);
        expect(b).toBe(a);
        if (!a) failures++;
        expect(strip(pre.errors)).toEqual(strip(fn!.errors));
        const full = pre.errors ?? [];
        full.forEach((e, i) => {
          const rel = fn!.errors![i]!.schemaPath;
          expect(e.schemaPath).toMatch(/^[a-z0-9-]+\.schema\.json#/);
          expect(e.schemaPath.endsWith(rel.slice(1)), `${e.schemaPath} ~ ${rel}`).toBe(true);
        });
        verbose[name]!(input);
        expect(verbose[name]!.errors?.length ?? 0).toBe(full.length);
        full.forEach((e, i) => {
          const v = verbose[name]!.errors![i]!;
          const parent = v.parentSchema as { description?: string; contains?: { const?: unknown; enum?: unknown[] } } | undefined;
          expect(precompiled.descriptions[node(e.schemaPath)]).toBe(parent?.description);
          if (parent?.description) described++;
          if (e.keyword === 'contains' && parent?.contains?.const !== undefined) expect(precompiled.contains[node(e.schemaPath)]).toBe(JSON.stringify(parent.contains.const));
        });
      }
    }
    expect(described).toBeGreaterThan(20);
    expect(failures).toBeGreaterThan(40); // the inputs do exercise the error paths
    const ruleAjv = new Ajv2020({ ...OUTPUTS['src/schema/precompiled/stacking-rule.js'].options });
    const rule = ruleAjv.compile(readSchema('stacking-rule.schema.json'));
    for (const input of [{}, { id: 'x' }, null, { id: 'urn:x', name: 'n', condition: { type: 'nope' } }]) {
      expect(stackingRule(input)).toBe(rule(input));
      expect(stackingRule.errors).toEqual(rule.errors);
    }
  }, 60_000);
});
