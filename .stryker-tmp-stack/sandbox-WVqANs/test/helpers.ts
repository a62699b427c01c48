// @ts-nocheck
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateKeyPair, type KeyPair } from '../src/index.js';

/** Fixed instants: every test pins its clock. */
export const ISSUED = '2026-09-01T09:00:00Z';
export const NOW = '2026-11-23T12:00:00Z';

/** A deterministic key from a one-byte seed pattern. */
export function seededKey(n: number, opts: { controller?: string; id?: string } = {}): Promise<KeyPair> {
  return generateKeyPair({ seed: new Uint8Array(32).fill(n), ...opts });
}

/** Read a test fixture (JSON parsed when the name ends in .json). */
export function fixture(name: string): any {
  const text = readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
  return name.endsWith('.json') ? JSON.parse(text) : text;
}

/** A small but representative OB 3.0 credential issued by `issuer`. */
export function sampleCredential(issuer: string, extra: Record<string, any> = {}): Record<string, any> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:2f0d7c3e-8f43-4a7e-9b1e-0c1f5b0a9d11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: issuer,
      type: ['Profile'],
      name: 'Université d’Exemple',
      address: { type: ['Address'], addressCountryCode: 'FR' },
    },
    name: 'Data: how data is generated, processed, governed',
    validFrom: ISSUED,
    awardedDate: ISSUED,
    credentialSubject: {
      type: ['AchievementSubject'],
      id: 'did:example:learner-42',
      result: [{ type: ['Result'], value: 'B', resultDescription: 'urn:uuid:rd-1' }],
      achievement: {
        id: 'https://uni.example/achievements/data-101',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Data: how data is generated, processed, governed',
        description: 'Generation, processing and governance of data.',
        criteria: { narrative: 'Pass the written exam (≥ 50 %) and the project.' },
        creditsAvailable: 5,
        inLanguage: 'en',
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'EQF level 6',
            targetUrl: 'https://europa.eu/europass/en/description-eight-eqf-levels',
            targetFramework: 'EQF',
            targetCode: '6',
            targetType: 'ext:EQF',
          },
        ],
        resultDescription: [
          { id: 'urn:uuid:rd-1', type: ['ResultDescription'], name: 'Grade', resultType: 'LetterGrade', allowedValue: ['A', 'B', 'C', 'D', 'E'] },
        ],
      },
      ...extra.subject,
    },
    ...extra.top,
  };
}
