// @ts-nocheck
import { CliError, EXIT, println, writeOutput, type Command } from '../util.js';

/**
 * The achievement template `credstack init` writes: JSON with `//` comments (credstack reads them), the
 * `defineAchievement` input shape, every one of the 11 mandatory EU elements (Council Recommendation of 16 June 2022 on
 * a European approach to micro-credentials, 2022/C 243/02, Annex I, part I) marked [EU n].
 */
export const ACHIEVEMENT_TEMPLATE = `// credstack achievement template. Fill it in, then check it and issue a cohort:
//   credstack issue --key issuer.key.json --template achievement.json --roster roster.csv --out cohort.jsonl --dry-run
//   credstack issue --key issuer.key.json --template achievement.json --roster roster.csv --out cohort.jsonl
//   credstack check-microcredential cohort.jsonl
// Lines starting with // are comments. [EU n] marks the 11 mandatory elements of the EU micro-credential
// Recommendation (2022/C 243/02, Annex I). Two of them come from the roster, not from this file:
//   [EU 1] identification of the learner: the did / email / student_id column (emails and ids are hashed with a salt)
//   [EU 5] date of issuing: the awarded_date column (default: the day you issue); valid_until is optional
// Other roster columns: grade (result), credits, narrative, term, credential_id; any other column needs {{column}}.
{
  // The issuer signs; its id is your key's DID (filled in from --key).
  "issuer": {
    "name": { "de": "Technische Universität Beispiel", "en": "Example University of Technology" },
    "url": "https://www.tu-beispiel.example",
    "country": "DE"                                   // [EU 3] country of the issuer (ISO 3166-1 alpha-2)
  },
  "achievement": {
    "id": "https://www.tu-beispiel.example/achievements/datenkompetenz",   // a stable URL for this micro-credential
    "name": { "de": "Datenkompetenz", "en": "Data literacy" },          // [EU 2] title
    "description": "Reading, cleaning and questioning data; presenting results honestly.",
    "criteria": "Pass the written exam and submit the data project.",
    "creator": {                                                          // [EU 4] awarding body (may differ from the issuer)
      "id": "https://www.tu-beispiel.example",
      "type": ["Profile"],
      "name": "Technische Universität Beispiel",
      "address": { "type": ["Address"], "addressCountryCode": "DE" }
    },
    "learningOutcomes": [                                                 // [EU 6] learning outcomes
      { "text": "Clean and analyse a tabular dataset and report the results.",
        "skills": [{ "targetName": "perform data analysis", "targetUrl": "http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f", "targetFramework": "ESCO" }] },
      { "text": "Recognise misleading charts and biased samples." }
    ],
    // [EU 7] notional workload, each with its unit. Hours alone are fine (no ECTS needed); give both if you have both.
    "workload": [{ "value": 5, "unit": "ECTS" }, { "value": 125, "unit": "hours" }],
    // [EU 8] level: EQF, a QF-EHEA cycle, or a national framework (as first-class as EQF; needs its URL), or "not-applicable":
    //   { "framework": "EQF", "level": 6 }   { "framework": "QF-EHEA", "cycle": "first" }
    //   { "framework": "DQR", "level": "6", "url": "https://www.dqr.de", "frameworkName": "Deutscher Qualifikationsrahmen" }
    //   { "framework": "BNQF", "level": "6", "url": "https://bnqf.gov.bd", "frameworkName": "Bangladesh National Qualifications Framework" }
    //   { "framework": "VQF", "level": "6", "url": "https://vqf.gov.vn", "frameworkName": "Vietnamese Qualifications Framework" }
    "level": [{ "framework": "EQF", "level": 6 }, { "framework": "DQR", "level": "6", "url": "https://www.dqr.de", "frameworkName": "Deutscher Qualifikationsrahmen" }],
    "assessment": [                                                       // [EU 9] type of assessment: Exam, Performance, Artifact
      { "assessmentType": "Exam", "description": "Written exam, 90 minutes", "supervision": "supervised-onsite-id-check" },
      { "assessmentType": "Artifact", "description": "Data project report" }
    ],
    "participation": "blended",                                           // [EU 10] online, onsite, blended or work-based
    "qualityAssurance": {                                                 // [EU 11] internal, external or accreditation
      "assuranceType": "internal",
      "description": "Approved by the Academic Senate under the university's quality assurance system (ESG Part 1)"
    },
    // optional EU elements
    "prerequisites": "None.",
    "stackability": { "option": "stand-alone" },
    "furtherInformation": "https://www.tu-beispiel.example/courses/datenkompetenz",
    // a grade column needs a result description; allowedValue lists the grades you use
    "resultDescriptions": [{ "name": "Final grade", "resultType": "LetterGrade", "allowedValue": ["A", "B", "C", "D", "E"] }]
  }
}
`;

/** `credstack init`: write a commented achievement template with all 11 EU elements. */
export const init: Command = {
  name: 'init',
  summary: 'write a commented achievement template (all 11 EU micro-credential elements) to fill in',
  usage: ['credstack init [--out achievement.json] [--force]'],
  description:
    'The template is JSON with // comments, in the shape of defineAchievement: learning outcomes, workload in ECTS and/or\n' +
    'hours, level (EQF, QF-EHEA or a national framework), assessment, participation, quality assurance.\n' +
    'credstack issue --template reads it as it is.',
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean', short: 'f' } },
  optionHelp: ['-o, --out FILE          where to write it (default achievement.json; - for stdout)', '-f, --force             overwrite'],
  examples: ['credstack init && credstack issue --key issuer.key.json --template achievement.json --roster roster.csv --out cohort.jsonl --dry-run'],
  async run(v, positionals, io) {
    if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`, { hint: 'use --out FILE' });
    const out = v.out ?? 'achievement.json';
    if (out === '-') {
      io.stdout.write(ACHIEVEMENT_TEMPLATE);
      return EXIT.OK;
    }
    await writeOutput(out, ACHIEVEMENT_TEMPLATE, { force: Boolean(v.force) });
    println(io.stdout, `wrote ${out}: fill it in, then credstack issue --key KEY --template ${out} --roster roster.csv --out cohort.jsonl --dry-run`);
    return EXIT.OK;
  },
};
