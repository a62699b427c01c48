/**
 * Bulk issuing: sign a cohort in constant memory ({@link issueBatch}), read CSV rosters ({@link openRoster}), fill an
 * achievement template per learner ({@link fillTemplate}) and write resumable outputs ({@link issueCohort}).
 * @example
 * ```ts
 * import { issueCohort, parseTemplate } from 'credstack';
 * const summary = await issueCohort({ roster: 'roster.csv', template: parseTemplate(achievementJson), key, out: { jsonl: 'cohort.jsonl' } });
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

export { issueBatch, type BatchOptions, type BatchProgress, type BatchResult } from './issue-batch.js';
export { CsvParser, parseCsv, type CsvRecord } from './csv.js';
export { openRoster, type Roster, type RosterRow } from './roster.js';
export { parseTemplate, fillTemplate, mapColumns, templatePlaceholders, unusedColumns, type CohortTemplate, type FillOptions } from './template.js';
export { openJsonlSink, openDirSink, fileNameForKey, type CohortSink, type IssuedRecord } from './output.js';
export { issueCohort, type CohortOptions, type CohortProgress, type CohortSummary, type RowError } from './cohort.js';
