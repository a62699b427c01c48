import { isDateTimeStamp } from '../../util/json.js';
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';

/**
 * @internal validFrom/validUntil (VC 2.0) or issuanceDate/expirationDate (VC 1.1) against `now`. Every date is judged:
 * a malformed start date does not hide an expired end date.
 */
export function checkValidity(cred: Record<string, any>, ctx: VerifyContext): Check[] {
  const v1 = cred['@context']?.[0] === 'https://www.w3.org/2018/credentials/v1' || cred['@context'] === 'https://www.w3.org/2018/credentials/v1';
  const fromProp = v1 ? 'issuanceDate' : 'validFrom';
  const untilProp = v1 ? 'expirationDate' : 'validUntil';
  const skew = Math.max(0, Number(ctx.opts.maxClockSkew ?? 0)) * 1000;
  const now = ctx.now.getTime();
  const out: Check[] = [];
  const usable = (p: string) => cred[p] !== undefined && isDateTimeStamp(cred[p]);
  for (const p of [fromProp, untilProp]) {
    if (cred[p] !== undefined && !isDateTimeStamp(cred[p])) {
      out.push({ id: 'validity', status: 'failed', code: 'ERR_DATE_INVALID', message: `${p} is not a valid date-time with time zone: ${JSON.stringify(cred[p]).slice(0, 60)}` });
    }
  }
  if (v1 && cred.issuanceDate === undefined) {
    out.push({ id: 'validity', status: 'failed', code: 'ERR_DATE_MISSING', message: 'VC 1.1 credential without issuanceDate' });
  }
  if (usable(fromProp) && Date.parse(cred[fromProp]) - skew > now) {
    out.push({ id: 'validity', status: 'failed', code: 'ERR_NOT_YET_VALID', message: `not valid before ${cred[fromProp]} (now ${ctx.now.toISOString()})` });
  }
  if (usable(untilProp) && Date.parse(cred[untilProp]) + skew < now) {
    out.push({ id: 'validity', status: 'failed', code: 'ERR_EXPIRED', message: `expired at ${cred[untilProp]} (now ${ctx.now.toISOString()})` });
  }
  if (out.length) return out;
  const range = `${cred[fromProp] ?? '—'} … ${cred[untilProp] ?? 'no end'}`;
  if (!v1 && cred.validFrom === undefined) {
    return [{ id: 'validity', status: 'warning', code: 'W_NO_VALID_FROM', message: 'no validFrom (Open Badges 3.0 requires it)' }];
  }
  return [{ id: 'validity', status: 'passed', message: `valid ${range}` }];
}
