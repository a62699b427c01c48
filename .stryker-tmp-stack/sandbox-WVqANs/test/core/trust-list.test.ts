// @ts-nocheck
// One trust-list parser for the CLI (--trust-list FILE) and the verifier page (src/util/trust-list.ts).
import { describe, expect, it } from 'vitest';
import { parseTrustList } from '../../src/util/trust-list.js';

describe('parseTrustList', () => {
  it('reads the four forms and names what is neither a DID/URL nor { id, name }', () => {
    expect([...parseTrustList('["did:web:a.example", {"id": "did:web:b.example", "name": "B"}, 7, {"name": "x"}]').list]).toEqual([['did:web:a.example', ''], ['did:web:b.example', 'B']]);
    expect(parseTrustList('["did:web:a.example", 7, {"name": "x"}]').bad).toEqual(['number', '{"name":"x"}']);
    expect([...parseTrustList('{"issuers": ["did:web:a.example"]}').list]).toEqual([['did:web:a.example', '']]);
    expect([...parseTrustList('{"did:web:a.example": "A", "did:key:z6Mk": 1}').list]).toEqual([['did:web:a.example', 'A'], ['did:key:z6Mk', '']]);
    const text = parseTrustList('# ours\n\ndid:web:a.example Uni A  # comment\nnot-a-did Someone\nhttps://uni.example/issuer\n');
    expect([...text.list]).toEqual([['did:web:a.example', 'Uni A'], ['https://uni.example/issuer', '']]);
    expect(text.bad).toEqual(['not-a-did']);
    expect(parseTrustList('').list.size).toBe(0);
  });
});
