// Issue 21 (mutation area `verify-misc`, src/verify/checks/status.ts): what checkStatus hands the status module once a
// credential has a credentialStatus and the policy is not 'skip'. checkCredentialStatus is replaced by a recorder
// (vi.mock), so the options themselves are under test — misc-rules.test.ts runs the real status module, whose lists are
// never loaded there. Rules:
// - VerifyOptions.statusIssuer and StatusCheckContext.statusIssuer: "Whose lists are accepted (default 'any')".
// - StatusCheckContext.forList: "a loader and verifier with a budget of their own for loading and verifying one list":
//   the list is verified with the forked loader, not the credential's own.
// - checkStatus TSDoc / preamble: verification never throws; a status check that cannot complete fails closed
//   (`ERR_STATUS_CHECK`).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const seen: Array<Record<string, any>> = [];
let answer: (ctx: Record<string, any>) => Promise<unknown> = async () => [];
vi.mock('../../src/status/check.js', () => ({
  checkCredentialStatus: vi.fn(async (_cred: unknown, ctx: Record<string, any>) => {
    seen.push(ctx);
    return answer(ctx);
  }),
}));

import { checkStatus } from '../../src/verify/checks/status.js';
import type { VerifyContext, VerifyOptions } from '../../src/verify/options.js';
import type { VerificationReport } from '../../src/verify/report.js';
import type { CredentialView } from '../../src/verify/view.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const LIST = 'https://issuer.example/status/1';
const entry = { id: `${LIST}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: LIST };
const view: CredentialView = { document: { credentialStatus: entry }, vcVersion: 2, types: ['VerifiableCredential'], credentialSubject: [{ id: 'did:example:s' }], credentialStatus: [entry] };
const ownLoader = (async () => {
  throw new Error('the credential loader is not used here');
}) as unknown as VerifyContext['loader'];
const forked = (async () => {
  throw new Error('the forked loader is not used here');
}) as unknown as VerifyContext['loader'];
const ctx = (opts: VerifyOptions = {}, forks: unknown[] = []): VerifyContext =>
  ({
    now: NOW,
    opts,
    loader: ownLoader,
    depth: 0,
    forkLoader: (b?: number) => {
      forks.push(b);
      return forked;
    },
    statusLists: new Map(),
  }) as VerifyContext;
const REPORT = { verified: true, checks: [] } as unknown as VerificationReport;

beforeEach(() => {
  seen.length = 0;
  answer = async () => [];
});

describe('checkStatus → checkCredentialStatus: the options handed on', () => {
  it("statusIssuer: the caller's policy, 'any' when not given", async () => {
    const verifyList = vi.fn(async () => REPORT);
    await checkStatus(view, ctx({ statusIssuer: 'same' }), verifyList);
    await checkStatus(view, ctx({}), verifyList);
    await checkStatus(view, ctx({ statusIssuer: 'any' }), verifyList);
    expect(seen.map((s) => s.statusIssuer)).toEqual(['same', 'any', 'any']);
  });

  it("now, the credential's loader, its verifyList, the shared lists map, and undetermined fail / skip by policy", async () => {
    const verifyList = vi.fn(async () => REPORT);
    const c = ctx({});
    await checkStatus(view, c, verifyList);
    await checkStatus(view, ctx({ status: 'allow-unavailable' }), verifyList);
    const [s, u] = seen;
    expect(s!.now).toBe(NOW);
    expect(s!.loader).toBe(ownLoader);
    expect(s!.verifyList).toBe(verifyList);
    expect(s!.lists).toBe(c.statusLists);
    expect([s!.undetermined, u!.undetermined]).toEqual(['fail', 'skip']);
  });

  it('forList: a loader forked on min(8, maxDocuments), and a verifyList that verifies the list with that loader', async () => {
    const calls: unknown[][] = [];
    const verifyList = async (...args: unknown[]) => {
      calls.push(args);
      return REPORT;
    };
    const forks: unknown[] = [];
    await checkStatus(view, ctx({ maxDocuments: 5 }, forks), verifyList);
    const one = seen[0]!.forList();
    expect(forks).toEqual([5]);
    expect(one.loader).toBe(forked);
    expect(calls).toEqual([]);
    const list = { id: LIST, type: ['VerifiableCredential', 'BitstringStatusListCredential'] };
    expect(await one.verifyList(list)).toBe(REPORT);
    expect(calls).toEqual([[list, forked]]);
    expect(calls[0]![1]).toBe(forked);
  });

  it("the status module's checks are returned as they are", async () => {
    const checks = [{ id: 'status', status: 'passed', code: 'STATUS_OK', message: 'not revoked' }];
    answer = async () => checks;
    expect(await checkStatus(view, ctx({}), async () => REPORT)).toBe(checks);
  });
});

describe('checkStatus never throws: a status check that cannot complete fails closed', () => {
  it('checkCredentialStatus throwing (or rejecting) → one failed ERR_STATUS_CHECK', async () => {
    for (const thrown of [new Error('boom'), 'not an error', undefined]) {
      answer = async () => {
        throw thrown;
      };
      expect(await checkStatus(view, ctx({ status: 'allow-unavailable' }), async () => REPORT), String(thrown)).toEqual([
        { id: 'status', status: 'failed', code: 'ERR_STATUS_CHECK', message: 'the status check could not complete' },
      ]);
    }
  });
});
