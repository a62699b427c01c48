// @ts-nocheck
// Issue 17 §2 "evaluateStack has no limit": a cap on the number of credentials (typed error) and bounded concurrency
// instead of verifying everything at once. Work bounds (fetches in flight), not time.
import { describe, expect, it } from 'vitest';
import { evaluateStack, StackingError } from '../../src/index.js';
import { certificateRule } from '../../examples/stacking.js';

const NOW = '2026-11-23T12:00:00Z';
const cred = (i: number) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', `https://ctx.example.org/c${i}.json`],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: 'did:example:learner' },
});

describe('evaluateStack bounds', () => {
  it('more than maxCredentials credentials throw ERR_STACK_TOO_LARGE before anything is verified', async () => {
    let fetched = 0;
    const fetch = async () => {
      fetched++;
      return {};
    };
    const err = await evaluateStack(certificateRule, Array.from({ length: 11 }, (_, i) => cred(i)), { now: NOW, fetch, maxCredentials: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(StackingError);
    expect(err.code).toBe('ERR_STACK_TOO_LARGE');
    expect(fetched).toBe(0);
    const defaultCap = await evaluateStack(certificateRule, Array.from({ length: 1001 }, () => ({})), { now: NOW }).catch((e) => e);
    expect(defaultCap.code).toBe('ERR_STACK_TOO_LARGE');
  });

  it('verifies at most `concurrency` credentials at once (default 4), every one of them', async () => {
    for (const [concurrency, expected] of [[3, 3], [undefined, 4]] as const) {
      let inFlight = 0;
      let peak = 0;
      let calls = 0;
      const fetch = async () => {
        calls++;
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { '@context': {} };
      };
      const ev = await evaluateStack(certificateRule, Array.from({ length: 20 }, (_, i) => cred(i)), { now: NOW, fetch, ...(concurrency ? { concurrency } : {}) });
      expect(calls).toBe(20);
      expect(peak).toBe(expected);
      expect(ev.ignored.map((x) => x.index)).toEqual(Array.from({ length: 20 }, (_, i) => i)); // none verified, all accounted for
    }
  });
});
