/**
 * Sign the three network micro-credentials, verify them offline, validate them against our schemas and report the EU
 * elements. Run: npx tsx examples/microcredentials/issue-and-verify.ts
 */
// @ts-nocheck

import { checkMicrocredential, validateCredential, verifyCredential } from '../../src/index.js';
import { NOW, signExample } from './network.js';

for (const which of ['ai', 'data', 'staff'] as const) {
  const { signed } = await signExample(which);
  const report = await verifyCredential(signed, { now: NOW });
  const schema = validateCredential(signed);
  const eu = checkMicrocredential(signed);
  console.log(`${which}: ${String((signed as { name?: string }).name)}`);
  console.log(`  verified=${report.verified} schema=${schema.valid} EU elements complete=${eu.complete}`);
  for (const c of report.checks) console.log(`  check ${c.id}: ${c.status}`);
  for (const e of eu.elements.filter((x) => x.mandatory)) console.log(`  [${e.status}] ${e.label}: ${e.message}`);
  if (eu.advice.length) console.log(`  advice: ${eu.advice.join('; ')}`);
}
