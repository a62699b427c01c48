// @ts-nocheck
// Red-team regressions for stacking: a credential that names no learner must not count toward a learner's stack.
import { describe, expect, it } from 'vitest';
import { evaluateStack, issueCredential } from '../../src/index.js';
import { awardExample, networkIssuer, NOW, signExample } from '../../examples/microcredentials/network.js';
import { certificateRule } from '../../examples/stacking.js';

const LATER = new Date(NOW.getTime() + 30 * 86400_000);
const LEARNER = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

describe('stacking: foreign or unattributable components', () => {
  it('a badge without credentialSubject.id (anybody’s) does not complete the learner’s stack', async () => {
    const [ai, data] = await Promise.all([signExample('ai'), signExample('data')]);
    // somebody else's staff badge, issued without a learner id (92 of 112 real badges look like this)
    const anon = awardExample('staff', networkIssuer(ai.key), { did: 'did:example:placeholder' }) as Record<string, any>;
    const { id: _drop, ...subject } = anon.credentialSubject;
    const unbound = await issueCredential({ ...anon, credentialSubject: subject }, { key: ai.key, now: NOW });
    for (const opts of [{ learner: LEARNER }, {}]) {
      const r = await evaluateStack(certificateRule, [ai.signed, data.signed, unbound], { now: LATER, ...opts });
      expect(r.satisfied).toBe(false);
      expect(r.ignored).toMatchObject([{ index: 2, reason: 'other-learner' }]);
    }
  });
});
