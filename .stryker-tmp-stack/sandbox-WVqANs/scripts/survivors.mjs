#!/usr/bin/env node
// @ts-nocheck
// List surviving / uncovered mutants of a Stryker JSON report, one per line: file:line:col status mutator → replacement
// usage: node scripts/survivors.mjs [reports/mutation/mutation.json]
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));
const totals = {};
for (const [file, { mutants, source }] of Object.entries(report.files)) {
  const lines = source.split('\n');
  const t = (totals[file] = { mutants: 0, Killed: 0, Survived: 0, NoCoverage: 0, Timeout: 0, other: 0 });
  for (const m of mutants) {
    t.mutants++;
    if (m.status in t) t[m.status]++;
    else t.other++;
    if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
    const { line, column } = m.location.start;
    const src = lines[line - 1].trim().slice(0, 110);
    console.log(`${file}:${line}:${column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '').slice(0, 80)}   | ${src}`);
  }
}
console.log('\nfile\tmutants\tkilled\tsurvived\tno-cov\ttimeout\tscore');
const sum = { mutants: 0, Killed: 0, Survived: 0, NoCoverage: 0, Timeout: 0 };
for (const [f, t] of Object.entries(totals)) {
  for (const k of Object.keys(sum)) sum[k] += t[k];
  const valid = t.Killed + t.Survived + t.NoCoverage + t.Timeout;
  console.log(`${f}\t${t.mutants}\t${t.Killed}\t${t.Survived}\t${t.NoCoverage}\t${t.Timeout}\t${valid ? ((100 * (t.Killed + t.Timeout)) / valid).toFixed(2) : '-'}`);
}
const valid = sum.Killed + sum.Survived + sum.NoCoverage + sum.Timeout;
console.log(`all\t${sum.mutants}\t${sum.Killed}\t${sum.Survived}\t${sum.NoCoverage}\t${sum.Timeout}\t${((100 * (sum.Killed + sum.Timeout)) / valid).toFixed(2)}`);
