// @ts-nocheck
import type { Command } from '../util.js';

/**
 * One CLI command as the top-level help lists it; `load` imports its module only when it runs (or its --help is asked
 * for), so a cold start parses just that command. `summary` must equal the loaded command's (a test checks).
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Every CLI command, in help order. */
export const commands: CommandEntry[] = [
  { name: 'keygen', summary: 'create an issuer key file (0600) and print its DID / DID document', load: async () => (await import('./keygen.js')).keygen },
  { name: 'init', summary: 'write a commented achievement template (all 11 EU micro-credential elements) to fill in', load: async () => (await import('./init.js')).init },
  { name: 'issue', summary: 'sign one credential from a JSON template, or a cohort from a CSV roster (resumable)', load: async () => (await import('./issue.js')).issue },
  { name: 'verify', summary: 'verify credentials: JSON files, JWTs, baked PNG/SVG, JSONL cohorts, portfolios, folders (offline unless --online)', load: async () => (await import('./verify.js')).verify },
  { name: 'show', summary: 'read a badge: learner, achievement, issuer (trusted or not), dates, grade, workload, level, skills, status', load: async () => (await import('./show.js')).show },
  { name: 'check-microcredential', summary: 'report which EU micro-credential elements (Council Recommendation 2022/C 243/02) a credential carries', load: async () => (await import('./check-microcredential.js')).checkMicro },
  { name: 'status', summary: 'status lists: create, revoke, suspend, reinstate, show, sign (W3C Bitstring Status List)', load: async () => (await import('./status.js')).status },
  { name: 'stack', summary: 'evaluate a stacking rule over a folder of credentials; issue the stacked credential with --issue', load: async () => (await import('./stack.js')).stack },
  { name: 'bundle', summary: 'bundle credentials into a CLR 2.0 portfolio (institution) or a Verifiable Presentation (learner)', load: async () => (await import('./bundle.js')).bundle },
  { name: 'unbundle', summary: 'take the credentials out of a CLR 2.0 portfolio or presentation, unchanged', load: async () => (await import('./bundle.js')).unbundle },
  { name: 'bake', summary: 'embed a signed credential (JSON or JWT) in a PNG or SVG badge image', load: async () => (await import('./bake.js')).bake },
  { name: 'extract', summary: 'take the credential out of a baked PNG or SVG badge image', load: async () => (await import('./bake.js')).extract },
  { name: 'network', summary: 'create, update, show and verify a signed network member registry (members, recognition agreements)', load: async () => (await import('./network.js')).network },
  { name: 'export', summary: 'turn an Open Badge micro-credential into a Europass European Digital Credential (ELM 3)', load: async () => (await import('./europass.js')).exportCmd },
  { name: 'import', summary: 'read a Europass European Digital Credential (ELM 3) into an Open Badge, reporting what cannot be mapped', load: async () => (await import('./europass.js')).importCmd },
  { name: 'serve', summary: 'run the HTTP service (VC-API, OB 3.0 REST API, OAuth 2.0) on an embedded database or PostgreSQL', load: async () => (await import('./serve.js')).serve },
  { name: 'verifier-page', summary: 'write the static offline verifier page (open index.html from disk or put it on any static host)', load: async () => (await import('./verifier-page.js')).verifierPage },
];
