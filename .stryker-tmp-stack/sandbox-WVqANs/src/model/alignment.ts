// @ts-nocheck
import { ALIGNMENT_TARGET_TYPES } from './constants.js';
import type { Alignment, AlignmentTargetType, QualificationLevel } from './types.js';
import { compact, fail, isPlainObject, optionalString, requireEnum, requireString, requireUri } from './util.js';

/**
 * Input of {@link defineAlignment}: an OB 3.0 Alignment without `type` (added for you).
 * @example
 * ```ts
 * const a: AlignmentInput = { targetName: 'Data literacy', targetUrl: 'https://framework.example/dl', targetFramework: 'DigComp 2.2' };
 * ```
 */
export interface AlignmentInput {
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetType?: AlignmentTargetType;
}

/**
 * Build an OB 3.0 `Alignment` to any framework node. `targetName` and `targetUrl` are required (as in the spec);
 * `targetType` must be an `AlignmentTargetType` or an `ext:` value.
 * @throws InvalidInputError on a missing name, a relative URL or an unknown target type
 * @example
 * ```ts
 * defineAlignment({ targetName: 'Information and data literacy', targetUrl: 'https://joint-research-centre.ec.europa.eu/digcomp_en',
 *   targetFramework: 'DigComp 2.2', targetCode: '1' });
 * ```
 */
export function defineAlignment(input: AlignmentInput, path = 'alignment'): Alignment {
  if (!isPlainObject(input)) fail(path, 'expected { targetName, targetUrl, … }', 'Alignment');
  return compact({
    type: ['Alignment'],
    targetName: requireString(input.targetName, `${path}.targetName`),
    targetUrl: requireUri(input.targetUrl, `${path}.targetUrl`),
    targetCode: optionalString(input.targetCode, `${path}.targetCode`),
    targetDescription: optionalString(input.targetDescription, `${path}.targetDescription`),
    targetFramework: optionalString(input.targetFramework, `${path}.targetFramework`),
    targetType: input.targetType === undefined
      ? undefined
      : requireEnum<AlignmentTargetType>(input.targetType, ALIGNMENT_TARGET_TYPES, `${path}.targetType`, true),
  });
}

const ESCO_PATTERN = /^http:\/\/data\.europa\.eu\/esco\/(skill|occupation|isco\/[A-Za-z0-9]+)\/?([0-9a-fA-F-]*)$/;

/**
 * Align to an ESCO skill / competence (or occupation) by its concept URI. Sets `targetFramework: 'ESCO'`,
 * `targetType: 'ext:ESCOSkill'` (or `ext:ESCOOccupation`) and `targetCode` = the concept's UUID.
 * @throws InvalidInputError when the URI is not an ESCO concept URI (`http://data.europa.eu/esco/skill/<uuid>`)
 * @example
 * ```ts
 * escoSkill('http://data.europa.eu/esco/skill/e465a154-93f6-4b5a-9b5b-6e5c3b0a2b0a', 'use artificial intelligence');
 * ```
 */
export function escoSkill(uri: string, name: string, description?: string): Alignment {
  const m = typeof uri === 'string' ? ESCO_PATTERN.exec(uri) : null;
  if (!m) fail('escoSkill.uri', `expected an ESCO concept URI like http://data.europa.eu/esco/skill/<uuid>, got ${JSON.stringify(uri)}`, 'ESCO URI');
  const kind = m[1] === 'skill' ? 'ext:ESCOSkill' : 'ext:ESCOOccupation';
  return compact({
    type: ['Alignment'],
    targetName: requireString(name, 'escoSkill.name'),
    targetUrl: uri,
    targetCode: m[2] || undefined,
    targetDescription: optionalString(description, 'escoSkill.description'),
    targetFramework: 'ESCO',
    targetType: kind as AlignmentTargetType,
  });
}

/**
 * A qualification level: EQF 1–8 (optionally with its QF-EHEA cycle), a QF-EHEA cycle alone, a national or sectoral
 * framework level (BNQF, NSQF, VQF, a German DQR…; needs a `url`), or an explicit "not applicable".
 * @example
 * ```ts
 * const eqf: LevelInput = { framework: 'EQF', level: 6, cycle: 'first' };
 * const national: LevelInput = { framework: 'NSQF', level: '5', url: 'https://www.ncvet.gov.in/…', frameworkName: 'National Skills Qualifications Framework (India)' };
 * ```
 */
export type LevelInput =
  | { framework: 'EQF'; level: number | string; cycle?: EheaCycle; url?: string }
  | { framework: 'QF-EHEA'; cycle: EheaCycle; url?: string }
  | { framework: string; level: number | string; url: string; frameworkName?: string }
  | 'not-applicable';

/** QF-EHEA cycles. @example `const c: EheaCycle = 'first';` */
export type EheaCycle = 'short' | 'first' | 'second' | 'third';

const CYCLE_TO_EQF: Record<EheaCycle, number> = { short: 5, first: 6, second: 7, third: 8 };
/** Targets used for QF-EHEA cycle alignments when no URL is given. */
const EHEA_URL = 'https://ehea.info/page-qualification-frameworks';
/**
 * `targetType` of the alignments that carry a qualification level.
 * @example
 * ```ts
 * achievement.alignment?.filter((a) => a.targetType === LEVEL_TARGET_TYPE);
 * ```
 */
export const LEVEL_TARGET_TYPE = 'ext:QualificationLevel';

/**
 * Turn a {@link LevelInput} into our `qualificationLevel` entry and the matching OB `alignment`
 * (`targetType: 'ext:QualificationLevel'`; EQF levels link to `http://data.europa.eu/snb/eqf/<n>`).
 * @throws InvalidInputError for an EQF level outside 1–8, a cycle that contradicts the EQF level, an unknown cycle, or a
 *   national level without a URL
 * @example
 * ```ts
 * const { qualificationLevel, alignment } = defineLevel({ framework: 'EQF', level: 6 });
 * // qualificationLevel: { framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }
 * ```
 */
export function defineLevel(input: LevelInput, path = 'level'): { qualificationLevel: QualificationLevel; alignment?: Alignment } {
  if (input === 'not-applicable') return { qualificationLevel: { framework: 'none', level: 'not-applicable' } };
  if (!isPlainObject(input)) fail(path, "expected { framework, level } or 'not-applicable'", 'LevelInput');
  const framework = requireString(input.framework, `${path}.framework`);
  const cycle = (input as { cycle?: unknown }).cycle;
  if (cycle !== undefined && !(typeof cycle === 'string' && cycle in CYCLE_TO_EQF)) {
    fail(`${path}.cycle`, `expected one of short, first, second, third, got ${JSON.stringify(cycle)}`, 'short|first|second|third');
  }
  const url = (input as { url?: unknown }).url;
  if (url !== undefined) requireUri(url, `${path}.url`);
  if (framework === 'EQF') {
    const raw = (input as { level?: unknown }).level;
    const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 8) {
      fail(`${path}.level`, `EQF levels are integers 1–8, got ${JSON.stringify(raw)}`, '1..8');
    }
    if (cycle !== undefined && CYCLE_TO_EQF[cycle as EheaCycle] !== n) {
      fail(`${path}.cycle`, `QF-EHEA ${String(cycle)} cycle corresponds to EQF ${CYCLE_TO_EQF[cycle as EheaCycle]}, not EQF ${n}`, 'matching cycle');
    }
    const levelUrl = (url as string | undefined) ?? `http://data.europa.eu/snb/eqf/${n}`;
    return {
      qualificationLevel: compact({ framework: 'EQF', level: String(n), cycle: cycle as string | undefined, levelUrl }),
      alignment: {
        type: ['Alignment'], targetName: `EQF level ${n}`, targetUrl: levelUrl, targetCode: String(n),
        targetFramework: 'European Qualifications Framework', targetType: LEVEL_TARGET_TYPE,
      },
    };
  }
  if (framework === 'QF-EHEA') {
    if (cycle === undefined) fail(`${path}.cycle`, 'QF-EHEA levels are given as a cycle: short, first, second or third', 'cycle');
    const levelUrl = (url as string | undefined) ?? EHEA_URL;
    return {
      qualificationLevel: { framework: 'QF-EHEA', level: `${String(cycle)}-cycle`, cycle: cycle as string, levelUrl },
      alignment: {
        type: ['Alignment'], targetName: `QF-EHEA ${String(cycle)} cycle`, targetUrl: levelUrl, targetCode: `${String(cycle)}-cycle`,
        targetFramework: 'Framework for Qualifications of the European Higher Education Area', targetType: LEVEL_TARGET_TYPE,
      },
    };
  }
  const raw = (input as { level?: unknown }).level;
  if (!((typeof raw === 'string' && raw.trim() !== '') || (typeof raw === 'number' && Number.isFinite(raw)))) {
    fail(`${path}.level`, `expected the level within ${framework} as a string or number`, 'string|number');
  }
  if (url === undefined) fail(`${path}.url`, `a ${framework} level needs a url pointing to the framework's description of that level`, 'URI');
  const frameworkName = optionalString((input as { frameworkName?: unknown }).frameworkName, `${path}.frameworkName`) ?? framework;
  return {
    qualificationLevel: compact({ framework, level: String(raw), cycle: cycle as string | undefined, levelUrl: url as string }),
    alignment: {
      type: ['Alignment'], targetName: `${framework} level ${String(raw)}`, targetUrl: url as string, targetCode: String(raw),
      targetFramework: frameworkName, targetType: LEVEL_TARGET_TYPE,
    },
  };
}
