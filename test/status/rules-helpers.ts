// Shared by the status rule tests (issue-rules, store-rules): a refusal as the code, name and message it carries.
import { expect } from 'vitest';
import { CredstackError } from '../../src/errors.js';

/** The CredstackError `p` rejects with (fails the test when it resolves or rejects with anything else). */
export async function rejected(p: Promise<unknown>): Promise<CredstackError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CredstackError);
    return e as CredstackError;
  }
  throw new Error('expected a rejection');
}

/** What a refusal says: its class name, code and message. */
export const err = (e: CredstackError) => ({ name: e.name, code: e.code, message: e.message });
