// @ts-nocheck
import type { CredentialView } from './view.js';

/**
 * The id of a verification check.
 * @example
 * ```ts
 * const id: CheckId = 'proof';
 * ```
 */
export type CheckId =
  | 'format'
  | 'context'
  | 'type'
  | 'proof'
  | 'issuer'
  | 'validity'
  | 'status'
  | 'schema'
  | 'subject'
  | 'holder'
  | 'presentation'
  | 'digest'
  | (string & {});

/**
 * The outcome of one check. `skipped` means it could not run (e.g. offline without the document it needs) — never a pass.
 * @example
 * ```ts
 * const s: CheckStatus = 'warning';
 * ```
 */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'warning';

/**
 * One entry of a {@link VerificationReport}.
 * @example
 * ```ts
 * { id: 'validity', status: 'failed', code: 'ERR_EXPIRED', message: 'expired at 2026-01-01T00:00:00Z' }
 * ```
 */
export interface Check {
  id: CheckId;
  status: CheckStatus;
  /** Stable machine-readable code (`ERR_…` for failures, `W_…` for warnings, `SKIP_…` for skipped checks). */
  code?: string;
  /** What happened, for a human. */
  message: string;
  /** Which proof, status entry, … the check is about, where there are several. */
  target?: string;
}

/**
 * What {@link verifyCredential} returns. `verified` is true iff no check failed.
 * `checks` lists every check; `warnings` repeats those with status `warning` for convenience.
 * @example
 * ```ts
 * const report = await verifyCredential(badge, { now: '2026-11-23T00:00:00Z' });
 * if (!report.verified) console.log(report.checks.filter((c) => c.status === 'failed'));
 * ```
 */
export interface VerificationReport {
  verified: boolean;
  checks: Check[];
  warnings: Check[];
  /** The credential that was verified (parsed from JSON, a VC-JWT or a baked image), untouched. */
  credential?: Record<string, any>;
  /** How the input arrived. */
  source?: { format: 'json' | 'vc-jwt' | 'png' | 'svg'; jwt?: string };
  /**
   * The credential as its signed data says it, read through credstack's trusted contexts: what every check read.
   * Absent when the signed data could not be read (then the report is not verified).
   */
  view?: CredentialView;
}

/** @internal Assemble a report from checks. */
export function makeReport(checks: Check[], credential?: Record<string, any>, source?: VerificationReport['source']): VerificationReport {
  const r: VerificationReport = {
    verified: checks.length > 0 && !checks.some((c) => c.status === 'failed'),
    checks,
    warnings: checks.filter((c) => c.status === 'warning'),
  };
  if (credential !== undefined) r.credential = credential;
  if (source !== undefined) r.source = source;
  return r;
}

/**
 * One-line human summary of a report (for logs and CLIs).
 * @example
 * ```ts
 * console.log(summarizeReport(report)); // "verified (9 passed, 1 warning, 1 skipped)"
 * ```
 */
export function summarizeReport(report: VerificationReport): string {
  const n = (s: string) => report.checks.filter((c) => c.status === s).length;
  const failed = report.checks.filter((c) => c.status === 'failed');
  const head = report.verified ? 'verified' : 'NOT verified';
  const counts = `${n('passed')} passed, ${n('failed')} failed, ${n('warning')} warning(s), ${n('skipped')} skipped`;
  return failed.length ? `${head} (${counts}): ${failed.map((c) => `${c.id}: ${c.code ?? ''} ${c.message}`).join('; ')}` : `${head} (${counts})`;
}
