// @ts-nocheck
// Work bounds instead of wall-clock thresholds (issue 21): count what the code under test did, not how long it took.

/**
 * A `documents` map for verifyCredential / createDocumentLoader that records every URL the loader asks for: the
 * loader looks in `documents` first for every request (bundled contexts, DIDs, status lists), so `calls` is the list
 * of documents loaded, in order.
 */
export class CountingDocuments extends Map<string, unknown> {
  readonly calls: string[] = [];
  constructor(entries: Record<string, unknown> = {}) {
    super(Object.entries(entries));
  }
  override has(url: string): boolean {
    this.calls.push(url);
    return super.has(url);
  }
  /** Verification methods / DID documents resolved. */
  get didLookups(): string[] {
    return this.calls.filter((u) => u.startsWith('did:'));
  }
}
