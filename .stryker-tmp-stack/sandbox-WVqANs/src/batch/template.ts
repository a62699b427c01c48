// @ts-nocheck
import { InvalidInputError } from '../errors.js';
import { awardAchievement, type AwardInput, type ResultInput } from '../model/award.js';
import { createIdentityObject } from '../model/identity.js';
import { defineAchievement, type AchievementInput } from '../model/achievement.js';
import type { Achievement, Profile } from '../model/types.js';

/**
 * What a cohort is issued from. Either:
 * - `{ achievement, issuer?, …award fields }` — an OB 3.0 Achievement plus optional award fields (validUntil, description,
 *   image, credentialStatus…); each roster row becomes `awardAchievement({ …, recipient, results… })`;
 * - a bare Achievement (its `type` includes `Achievement`);
 * - a complete unsigned credential (has `@context` and `credentialSubject`).
 *
 * In all three, strings may hold `{{column}}` placeholders filled from the row (a string that is only a placeholder
 * is removed when the cell is empty).
 * @example
 * ```ts
 * const t: CohortTemplate = { kind: 'award', achievement, issuer: { id: key.controller, type: ['Profile'], name: 'Uni' } };
 * ```
 */
export type CohortTemplate =
  | ({ kind: 'award'; achievement: Achievement; issuer?: Profile } & Partial<Omit<AwardInput, 'achievement' | 'issuer' | 'recipient'>>)
  | { kind: 'credential'; credential: Record<string, any> };

/**
 * Read a parsed JSON template (see {@link CohortTemplate}). In `{ achievement, … }` the achievement may be a finished OB
 * `Achievement` (its `type` includes `Achievement`) or the {@link defineAchievement} input (no `type`), which is built
 * here. Throws {@link InvalidInputError} `ERR_TEMPLATE_INVALID` (or defineAchievement's error naming the field).
 * @example
 * ```ts
 * const template = parseTemplate(JSON.parse(await readFile('achievement.json', 'utf8')));
 * ```
 */
export function parseTemplate(json: unknown): CohortTemplate {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new InvalidInputError('the template must be a JSON object: an Achievement, { achievement, issuer? }, or an unsigned credential', { code: 'ERR_TEMPLATE_INVALID' });
  }
  const o = json as Record<string, any>;
  if (o.proof !== undefined) throw new InvalidInputError('the template is already signed: remove its proof', { code: 'ERR_TEMPLATE_INVALID' });
  if (o['@context'] !== undefined && o.credentialSubject !== undefined) return { kind: 'credential', credential: o };
  const types = Array.isArray(o.type) ? o.type : [o.type];
  if (types.includes('Achievement')) return { kind: 'award', achievement: o as Achievement };
  if (o.achievement && typeof o.achievement === 'object') {
    const { achievement: given, issuer, ...rest } = o;
    // no type: the defineAchievement input shape (learning outcomes, workload, level, assessment…), built here
    const gtypes = Array.isArray(given.type) ? given.type : [given.type];
    const achievement = gtypes.includes('Achievement') ? given : defineAchievement(given as AchievementInput);
    return { kind: 'award', achievement, ...(issuer !== undefined ? { issuer } : {}), ...rest } as CohortTemplate;
  }
  throw new InvalidInputError(
    'the template is neither an Achievement (type: ["Achievement"]), nor { "achievement": … }, nor an unsigned credential (@context + credentialSubject)',
    { code: 'ERR_TEMPLATE_INVALID' },
  );
}

/** Column names are matched case- and punctuation-insensitively: `Student ID`, `student_id`, `studentId` are one. */
function norm(col: string): string {
  return col.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ROLES: Record<string, string[]> = {
  did: ['did', 'learnerdid', 'recipientdid', 'recipientid', 'subjectid', 'learnerid'],
  id: ['id'],
  email: ['email', 'emailaddress', 'mail'],
  studentId: ['studentid', 'sisid', 'sissourcedid', 'matriculation', 'matriculationnumber', 'studentnumber'],
  awardedDate: ['awardeddate', 'awarddate', 'dateawarded', 'completiondate', 'completed'],
  validFrom: ['validfrom', 'issuedate', 'issuancedate'],
  validUntil: ['validuntil', 'expires', 'expirationdate', 'expirydate'],
  result: ['result', 'grade', 'score', 'mark'],
  resultDescription: ['resultdescription'],
  creditsEarned: ['creditsearned', 'credits', 'ects'],
  narrative: ['narrative'],
  term: ['term', 'semester'],
  role: ['role'],
  licenseNumber: ['licensenumber'],
  activityStartDate: ['activitystartdate', 'startdate'],
  activityEndDate: ['activityenddate', 'enddate'],
  credentialId: ['credentialid'],
  salt: ['salt'],
};

/**
 * Which roster column plays which role (recipient DID, email, student id, dates, result…), by conventional names.
 * @example
 * ```ts
 * mapColumns(['Student ID', 'Email', 'Grade']); // { studentId: 'Student ID', email: 'Email', result: 'Grade' }
 * ```
 */
export function mapColumns(columns: string[]): Partial<Record<keyof typeof ROLES, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [role, names] of Object.entries(ROLES)) {
    const col = columns.find((c) => names.includes(norm(c)));
    if (col !== undefined) out[role] = col;
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;

/**
 * The `{{column}}` placeholders a template uses.
 * @example
 * ```ts
 * templatePlaceholders({ name: '{{course}} ({{term}})' }); // ['course', 'term']
 * ```
 */
export function templatePlaceholders(template: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(PLACEHOLDER)) found.add(m[1]!);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(template);
  return [...found];
}

function substitute(v: unknown, values: Record<string, string>): unknown {
  if (typeof v === 'string') {
    const whole = /^\{\{\s*([^}]+?)\s*\}\}$/.exec(v);
    if (whole) {
      const val = values[whole[1]!];
      return val === undefined || val === '' ? undefined : val;
    }
    return v.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, values)).filter((x) => x !== undefined);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const s = substitute(x, values);
      if (s !== undefined) out[k] = s;
    }
    return out;
  }
  return v;
}

/** A spreadsheet date (`2026-06-30`) becomes midnight UTC; a date-time with zone is kept. */
function toDateTime(value: string, column: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return `${value}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new InvalidInputError(`column ${column}: "${value}" is not a date (use YYYY-MM-DD or 2026-06-30T10:00:00Z)`, { code: 'ERR_ROW_INVALID', details: { column } });
}

/**
 * Options of {@link fillTemplate}.
 * @example
 * ```ts
 * const opts: FillOptions = { issuer: { id: key.controller, type: ['Profile'], name: 'Uni' }, now: new Date() };
 * ```
 */
export interface FillOptions {
  /** Issuer Profile used when the template names none. */
  issuer?: Profile;
  /** Clock for default dates. */
  now?: Date;
  /** Salt for hashed email / student id identifiers; default a fresh random salt per identifier. */
  salt?: string;
  /** Column → role mapping; default {@link mapColumns} of the row's columns. */
  columns?: ReturnType<typeof mapColumns>;
}

/**
 * Make the unsigned credential for one roster row: fill `{{column}}` placeholders, then (for achievement templates)
 * call `awardAchievement` with the recipient (DID, email and/or student id — hashed with a salt), dates, result,
 * credits… read from conventionally named columns. Throws {@link InvalidInputError} naming the column for a bad cell.
 * @example
 * ```ts
 * const unsigned = fillTemplate(template, { student_id: 'S001', email: 'ada@uni.example', grade: 'A' }, { issuer });
 * const signed = await issueCredential(unsigned, { key });
 * ```
 */
export function fillTemplate(template: CohortTemplate, values: Record<string, string>, opts: FillOptions = {}): Record<string, any> {
  const cols = opts.columns ?? mapColumns(Object.keys(values));
  const cell = (role: keyof typeof ROLES): string | undefined => {
    const col = cols[role];
    const v = col === undefined ? undefined : values[col];
    return v === undefined || v === '' ? undefined : v;
  };
  if (template.kind === 'credential') return fillCredential(template.credential, values, cols, cell, opts);
  const { kind: _kind, achievement, issuer, ...award } = substitute(template, values) as Extract<CohortTemplate, { kind: 'award' }>;
  const theIssuer = issuer ?? opts.issuer;
  if (!theIssuer) throw new InvalidInputError('the template names no issuer and none was given', { code: 'ERR_TEMPLATE_INVALID' });
  const recipient: AwardInput['recipient'] = {};
  const id = cell('id');
  const did = cell('did') ?? (id?.includes(':') ? id : undefined);
  if (did) recipient.id = did;
  const email = cell('email');
  if (email) recipient.email = email;
  const studentId = cell('studentId') ?? (id && !id.includes(':') ? id : undefined);
  if (studentId) recipient.studentId = studentId;
  const salt = cell('salt') ?? opts.salt;
  if (salt !== undefined) recipient.salt = salt;
  if (!recipient.id && !recipient.email && !recipient.studentId) {
    throw new InvalidInputError('no learner: the row needs a DID, an email or a student id', { code: 'ERR_ROW_INVALID' });
  }
  const input: AwardInput = { ...award, issuer: theIssuer, achievement, recipient };
  if (opts.now) input.now = opts.now;
  for (const role of ['awardedDate', 'validFrom', 'validUntil'] as const) {
    const v = cell(role);
    if (v) input[role] = toDateTime(v, cols[role]!);
  }
  // issuing past awards now (2023 awards, valid until 2024): the credential is valid from the award date, not from today
  if (input.awardedDate !== undefined && input.validFrom === undefined) input.validFrom = input.awardedDate;
  for (const role of ['activityStartDate', 'activityEndDate'] as const) {
    const v = cell(role);
    if (v) input[role] = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : toDateTime(v, cols[role]!);
  }
  const result = cell('result');
  if (result) {
    const r: ResultInput = { value: result };
    const rd = cell('resultDescription') ?? achievement.resultDescription?.[0]?.name;
    if (rd !== undefined) r.resultDescription = rd;
    input.results = [...(input.results ?? []), r];
  }
  const credits = cell('creditsEarned');
  if (credits) {
    const n = Number(credits.replace(',', '.'));
    if (!Number.isFinite(n)) throw new InvalidInputError(`column ${cols.creditsEarned}: "${credits}" is not a number`, { code: 'ERR_ROW_INVALID' });
    input.creditsEarned = n;
  }
  for (const role of ['narrative', 'term', 'role', 'licenseNumber'] as const) {
    const v = cell(role);
    if (v) input[role] = v;
  }
  const credId = cell('credentialId');
  if (credId) input.id = credId;
  return awardAchievement(input) as unknown as Record<string, any>;
}

/** Roles a full-credential template fills from the row (when the template does not set the value itself). */
const CREDENTIAL_ROLES = ['did', 'id', 'email', 'studentId', 'salt', 'awardedDate', 'validFrom', 'validUntil', 'result', 'resultDescription', 'creditsEarned', 'narrative', 'term', 'role', 'licenseNumber', 'activityStartDate', 'activityEndDate', 'credentialId'] as const;

function fillCredential(
  template: Record<string, any>,
  values: Record<string, string>,
  cols: ReturnType<typeof mapColumns>,
  cell: (role: keyof typeof ROLES) => string | undefined,
  opts: FillOptions,
): Record<string, any> {
  const cred = substitute(template, values) as Record<string, any>;
  const subject = cred.credentialSubject;
  if (!subject || typeof subject !== 'object' || Array.isArray(subject)) return cred;
  const given = (template.credentialSubject ?? {}) as Record<string, unknown>;
  const id = cell('id');
  if (subject.id === undefined && given.identifier === undefined) {
    const did = cell('did') ?? (id?.includes(':') ? id : undefined);
    if (did) subject.id = did;
  }
  if (given.identifier === undefined) {
    const salt = cell('salt') ?? opts.salt;
    const identifiers: unknown[] = Array.isArray(subject.identifier) ? [...subject.identifier] : [];
    const email = cell('email');
    if (email) {
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new InvalidInputError(`column ${cols.email}: "${email.slice(0, 80)}" is not an email address`, { code: 'ERR_ROW_INVALID', details: { column: cols.email } });
      identifiers.push(createIdentityObject({ identityType: 'emailAddress', value: email, ...(salt !== undefined ? { salt } : {}) }));
    }
    const studentId = cell('studentId') ?? (id && !id.includes(':') ? id : undefined);
    if (studentId) identifiers.push(createIdentityObject({ identityType: 'sisSourcedId', value: studentId, ...(salt !== undefined ? { salt } : {}) }));
    if (identifiers.length) subject.identifier = identifiers;
  }
  if (subject.id === undefined && subject.identifier === undefined) {
    throw new InvalidInputError('no learner: the row needs a DID, an email or a student id', { code: 'ERR_ROW_INVALID' });
  }
  for (const role of ['awardedDate', 'validFrom', 'validUntil'] as const) {
    const v = cell(role);
    if (v && template[role] === undefined) cred[role] = toDateTime(v, cols[role]!);
  }
  if (cred.awardedDate !== undefined && cred.validFrom === undefined) cred.validFrom = cred.awardedDate;
  if (cred.validFrom === undefined && opts.now) cred.validFrom = opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const result = cell('result');
  if (result && given.result === undefined) {
    const achievement = subject.achievement && typeof subject.achievement === 'object' ? subject.achievement : {};
    const rds = Array.isArray(achievement.resultDescription) ? achievement.resultDescription : [];
    const wanted = cell('resultDescription');
    const rd = wanted !== undefined ? rds.find((d: any) => d?.id === wanted || d?.name === wanted) : rds[0];
    if (wanted !== undefined && !rd) throw new InvalidInputError(`column ${cols.resultDescription}: "${wanted.slice(0, 80)}" is not a result description of the achievement`, { code: 'ERR_ROW_INVALID' });
    subject.result = [{ type: ['Result'], ...(typeof rd?.id === 'string' ? { resultDescription: rd.id } : {}), value: result }];
  }
  const credits = cell('creditsEarned');
  if (credits && given.creditsEarned === undefined) {
    const n = Number(credits.replace(',', '.'));
    if (!Number.isFinite(n) || n < 0) throw new InvalidInputError(`column ${cols.creditsEarned}: "${credits.slice(0, 40)}" is not a number`, { code: 'ERR_ROW_INVALID' });
    subject.creditsEarned = n;
  }
  for (const role of ['narrative', 'term', 'role', 'licenseNumber'] as const) {
    const v = cell(role);
    if (v && given[role] === undefined) subject[role] = v;
  }
  for (const role of ['activityStartDate', 'activityEndDate'] as const) {
    const v = cell(role);
    if (v && given[role] === undefined) subject[role] = /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : toDateTime(v, cols[role]!);
  }
  const credId = cell('credentialId');
  if (credId && template.id === undefined) cred.id = credId;
  return cred;
}

/**
 * Roster columns a template would not use: neither a `{{column}}` placeholder nor a role column the template fills
 * (for a full-credential template, a role the template already sets itself, e.g. a fixed `validUntil`, leaves its column
 * unused). Issuing tools must name these (or refuse) so no column is silently lost.
 * @example
 * ```ts
 * unusedColumns(parseTemplate(achievement), ['student_id', 'email', 'grade', 'cohort']); // ['cohort']
 * ```
 */
export function unusedColumns(template: CohortTemplate, columns: string[]): string[] {
  const roles = mapColumns(columns);
  const used = new Set<string>(templatePlaceholders(template));
  if (template.kind === 'award') for (const c of Object.values(roles)) used.add(c as string);
  else {
    const t = template.credential;
    const given = (t.credentialSubject && typeof t.credentialSubject === 'object' ? t.credentialSubject : {}) as Record<string, unknown>;
    const setByTemplate: Partial<Record<(typeof CREDENTIAL_ROLES)[number], boolean>> = {
      did: given.id !== undefined || given.identifier !== undefined,
      email: given.identifier !== undefined,
      studentId: given.identifier !== undefined,
      awardedDate: t.awardedDate !== undefined,
      validFrom: t.validFrom !== undefined,
      validUntil: t.validUntil !== undefined,
      result: given.result !== undefined,
      resultDescription: given.result !== undefined,
      creditsEarned: given.creditsEarned !== undefined,
      credentialId: t.id !== undefined,
    };
    for (const role of CREDENTIAL_ROLES) {
      const c = roles[role];
      if (c !== undefined && !setByTemplate[role] && !(role === 'id' && given.id !== undefined)) used.add(c);
    }
  }
  return columns.filter((c) => !used.has(c));
}
