// @ts-nocheck
import { isDateTimeStamp, show } from '../../util/json.js';
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';
import type { CredentialView } from '../view.js';

/**
 * @internal Validity dates against `now`, read from the signed data. VC 2.0 `validFrom`/`validUntil` and VC 1.1
 * `issuanceDate`/`expirationDate` are all honoured whatever the version: the VC 1.1 context maps `validFrom` /
 * `validUntil` to the same IRIs as VC 2.0, so a signed VC 1.1 `validUntil` in the past is expired too.
 * Every date is judged: a malformed start date does not hide an expired end date.
 */
export function checkValidity(view: CredentialView, ctx: VerifyContext): Check[] {
  // fail closed: a skew that is not a finite number of seconds ≥ 0 tolerates nothing (NaN made every comparison false,
  // so a NaN skew let an expired credential pass)
  const seconds = Number(ctx.opts.maxClockSkew ?? 0);
  const skew = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  const now = ctx.now.getTime();
  const starts = view.vcVersion === 1 ? (['issuanceDate', 'validFrom'] as const) : (['validFrom', 'issuanceDate'] as const);
  const ends = view.vcVersion === 1 ? (['expirationDate', 'validUntil'] as const) : (['validUntil', 'expirationDate'] as const);
  const out: Check[] = [];
  const usable = (p: (typeof starts)[number] | (typeof ends)[number]) => isDateTimeStamp(view[p]);
  for (const p of [...starts, ...ends]) {
    const v = view[p];
    if (v !== undefined && !isDateTimeStamp(v)) {
      out.push({ id: 'validity', status: 'failed', code: 'ERR_DATE_INVALID', message: `${p} is not a valid date-time with time zone: ${show(v, 60)}` });
    }
  }
  if (view.vcVersion === 1 && view.issuanceDate === undefined) {
    out.push({ id: 'validity', status: 'failed', code: 'ERR_DATE_MISSING', message: 'VC 1.1 credential without issuanceDate' });
  }
  const early = starts.find((p) => usable(p) && Date.parse(view[p] as string) - skew > now);
  if (early) out.push({ id: 'validity', status: 'failed', code: 'ERR_NOT_YET_VALID', message: `not valid before ${view[early]} (${early}; now ${ctx.now.toISOString()})` });
  const late = ends.find((p) => usable(p) && Date.parse(view[p] as string) + skew < now);
  if (late) out.push({ id: 'validity', status: 'failed', code: 'ERR_EXPIRED', message: `expired at ${view[late]} (${late}; now ${ctx.now.toISOString()})` });
  if (out.length) return out;
  if (view.vcVersion === 2 && view.validFrom === undefined) {
    return [{ id: 'validity', status: 'warning', code: 'W_NO_VALID_FROM', message: 'no validFrom (Open Badges 3.0 requires it)' }];
  }
  // the first start date is present here: VC 1.1 issuanceDate (else ERR_DATE_MISSING above), VC 2.0 validFrom
  const from = view[starts[0]] as string;
  const until = ends.map((p) => view[p]).find((v) => v !== undefined) as string | undefined;
  return [{ id: 'validity', status: 'passed', message: `valid ${from} … ${until ?? 'no end'}` }];
}
