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
    const strip = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => ({ keyword: e.keyword, instancePath: e.instancePath, schemaPath: e.schemaPath, params: e.params, message: e.message, data: e.data, description: (e.parentSchema as any)?.description }));
    let failures = 0;
    for (const [name, fn] of Object.entries(compiled)) {
      const pre = (precompiled as Record<string, typeof fn>)[name]!;
      for (const input of inputs) {
        const a = fn!(input);
        const b = pre(input);
        expect(b).toBe(a);
        if (!a) failures++;
        expect(strip(pre.errors)).toEqual(strip(fn!.errors));
      }
    }
    expect(failures).toBeGreaterThan(40); // the inputs do exercise the error paths
    const ruleAjv = new Ajv2020({ ...OUTPUTS['src/schema/precompiled/stacking-rule.js'].options });
    const rule = ruleAjv.compile(readSchema('stacking-rule.schema.json'));
    for (const input of [{}, { id: 'x' }, null, { id: 'urn:x', name: 'n', condition: { type: 'nope' } }]) {
      expect(stackingRule(input)).toBe(rule(input));
      expect(stackingRule.errors).toEqual(rule.errors);
    }
  }, 60_000);
});
