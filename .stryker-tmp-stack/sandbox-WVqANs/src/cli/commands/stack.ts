// @ts-nocheck
import { loadCredentials } from '../inputs.js';
import { cliWording } from '../wording.js';
import { CliError, EXIT, emitJson, loadDocuments, loadKey, parseNow, println, readJson, type Command } from '../util.js';

/** `credstack stack`: evaluate a stacking rule over a learner's credentials; optionally issue the stacked credential. */
export const stack: Command = {
  name: 'stack',
  summary: 'evaluate a stacking rule over a folder of credentials; issue the stacked credential with --issue',
  usage: [
    'credstack stack --rule RULE.json CREDENTIAL|DIR ... [--learner DID|EMAIL|STUDENT_ID] [--json]',
    'credstack stack --rule RULE.json CREDENTIAL|DIR ... --issue --key FILE --achievement ACH.json --out STACKED.json',
  ],
  description:
    'Only credentials that verify count. The result is eligibility, not an award (EU Council Recommendation 2022/C 243/02):\n' +
    'with --issue the institution issues the larger credential, naming each component by id and digest.\n' +
    'Exit 0 when the rule is satisfied (and, with --issue, the credential was written), 1 when not.',
  options: {
    rule: { type: 'string', short: 'r' },
    learner: { type: 'string' },
    now: { type: 'string' },
    document: { type: 'string', multiple: true, short: 'd' },
    'trusted-issuer': { type: 'string', multiple: true },
    json: { type: 'boolean' },
    issue: { type: 'boolean' },
    key: { type: 'string', short: 'k' },
    achievement: { type: 'string', short: 'a' },
    'issuer-name': { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean', short: 'f' },
  },
  optionHelp: [
    '-r, --rule FILE         stacking rule (JSON, schemas/stacking-rule.schema.json)',
    '    --learner WHO       only count this learner\'s credentials: a DID, an email or a student id (hashed\n' +
    '                        emails / student ids are matched with each credential\'s salt); needed when badges name\n' +
    '                        the learner only by a hashed email or student id',
    '    --now DATE          evaluate (and issue) as of this date',
    '-d, --document FILE     offline DID document / status list for verification (repeatable)',
    '    --trusted-issuer DID  only count credentials from these issuers (repeatable)',
    '    --json              print the evaluation as JSON',
    '    --issue             issue the stacked credential when satisfied (needs --key, --achievement, --out)',
    '-k, --key FILE          issuer key for --issue',
    '-a, --achievement FILE  the stacked Achievement (JSON) for --issue',
    '    --issuer-name NAME  issuer Profile name for --issue',
    '-o, --out FILE          where to write the stacked credential',
  ],
  examples: [
    'credstack stack --rule certificate-rule.json learner-credentials/',
    'credstack stack -r certificate-rule.json learner-credentials/ --issue -k uni.key.json -a certificate.json -o certificate-ada.json',
  ],
  async run(v, positionals, io) {
    const { parseStackingRule } = await import('../../stacking/rules.js');
    const { issueStackedCredential } = await import('../../stacking/issue-stacked.js');
    const { evaluateStack } = await import('../../stacking/evaluate.js');
    if (!v.rule) throw new CliError('--rule FILE is required', { hint: 'see credstack stack --help' });
    if (!positionals.length) throw new CliError('no credentials given', { hint: 'credstack stack --rule RULE.json a.json b.json (or a folder)' });
    if (v.issue && (!v.key || !v.achievement || !v.out)) throw new CliError('--issue needs --key, --achievement and --out', { hint: 'see credstack stack --help' });
    const rule = parseStackingRule(await readJson(v.rule, 'stacking rule'));
    const loaded = await loadCredentials(positionals);
    const now = parseNow(v.now);
    const documents = await loadDocuments(v.document);
    const evaluation = await evaluateStack(rule, loaded.map((l) => l.credential), {
      ...(now ? { now } : {}),
      ...(Object.keys(documents).length ? { documents } : {}),
      ...(v.learner ? { learner: v.learner } : {}),
      ...(v['trusted-issuer'] ? { trustedIssuers: v['trusted-issuer'] } : {}),
    });
    if (v.json) {
      const { detail: _d, ...rest } = evaluation as unknown as Record<string, unknown>;
      println(io.stdout, JSON.stringify({ ...rest, used: evaluation.used.map(({ credential: _c, ...u }: any) => ({ ...u, source: loaded[u.index]?.source })) }, null, 2));
    } else {
      println(io.stdout, `${evaluation.ruleName}: ${evaluation.satisfied ? 'SATISFIED (eligible; the institution decides the award)' : 'not satisfied'}`);
      if (evaluation.totals.length) println(io.stdout, `totals: ${evaluation.totals.map((t) => `${t.value} ${t.unit}`).join(', ')}`);
      for (const u of evaluation.used) println(io.stdout, `  used     ${loaded[u.index]?.source ?? u.index}  ${u.achievementName ?? u.achievementId ?? ''}`);
      for (const g of evaluation.ignored) println(io.stdout, `  ignored  ${loaded[g.index]?.source ?? g.index}  ${g.code ? `${g.code} ` : ''}${cliWording(g.message)}`);
      for (const m of evaluation.missing) println(io.stdout, `  missing  ${m.code ? `${m.code} ` : ''}${cliWording(m.message)}`);
    }
    if (!evaluation.satisfied) return EXIT.FAILED;
    if (v.issue) {
      const key = await loadKey(v.key);
      const achievement = await readJson(v.achievement, 'achievement');
      const { credential, relatedResource } = await issueStackedCredential(rule, evaluation, {
        key,
        achievement,
        issuer: { id: key.controller, type: ['Profile'], name: v['issuer-name'] ?? 'Issuer' } as never,
        ...(now ? { now } : {}),
        ...(Object.keys(documents).length ? { documents } : {}),
      });
      await emitJson(io, credential, v.out, v.force ?? false);
      println(io.stderr, `issued the stacked credential naming ${relatedResource.length} components by id and digest → ${v.out}`);
    }
    return EXIT.OK;
  },
};
