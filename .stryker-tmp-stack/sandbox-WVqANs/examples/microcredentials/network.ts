/**
 * The three micro-credentials of a university network, defined once and shared by the example scripts and tests:
 *  1. "AI: definition, technical foundations, automation bias, regulation" — EQF 6, 5 ECTS
 *  2. "Data: how data is generated, processed, governed" — EQF 6, 5 ECTS
 *  3. "Micro-credential design for university staff" — professional development, 40 hours, no EQF level
 *
 * Each has learning outcomes aligned to skills, criteria, a rubric, and is awarded and signed by `awardExample`.
 */
// @ts-nocheck

import {
  awardAchievement, defineAchievement, defineAlignment, defineProfile, escoSkill, generateKeyPair, issueCredential,
  type Achievement, type KeyPair, type OpenBadgeCredential, type Profile,
} from '../../src/index.js';

/** Fixed clock for the examples (also used by the tests). */
export const NOW = new Date('2025-07-01T09:00:00Z');
/** Deterministic issuer key seed for reproducible examples (never do this in production: use a random key). */
export const EXAMPLE_SEED = new Uint8Array(32).fill(7);

const NETWORK = 'https://microcredentials.unet.example';

const AI_ACT = 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj';
const GDPR = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';
const DIGCOMP = 'https://joint-research-centre.ec.europa.eu/scientific-activities-z/europass-digital-competence-framework-digcomp_en';
const DIGCOMPEDU = 'https://joint-research-centre.ec.europa.eu/digcompedu_en';
const MC_RECOMMENDATION = 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022H0627(02)';

/** The issuer (the network's credentialing office), whose id is the signing key's DID. */
export function networkIssuer(key: KeyPair): Profile {
  return defineProfile({
    id: key.controller,
    name: { en: 'U-Net Micro-credentials Office', it: 'Ufficio micro-credenziali U-Net' },
    url: 'https://microcredentials.unet.example',
    email: 'credentials@unet.example',
    country: 'IT',
  });
}

/** The awarding body (a member university); it designs and assesses the courses. */
export const awardingUniversity: Profile = defineProfile({
  id: 'https://www.univ-bologna.example',
  name: 'Università di Bologna (example)',
  url: 'https://www.univ-bologna.example',
  country: 'IT',
});

const fiveLevelRubric = (focus: string) => ({
  name: `${focus} rubric`,
  resultType: 'RubricCriterionLevel' as const,
  rubric: {
    levels: [
      { name: 'Insufficient', description: `Does not yet meet the ${focus.toLowerCase()} outcomes`, points: 0 },
      { name: 'Sufficient', description: 'Meets the outcomes with guidance', points: 1 },
      { name: 'Good', description: 'Meets the outcomes independently', points: 2 },
      { name: 'Excellent', description: 'Exceeds the outcomes, transfers them to new cases', points: 3 },
    ],
    requiredLevel: 'Sufficient',
  },
});

const italianGrade = {
  name: 'Final grade',
  resultType: 'ScaledScore' as const,
  valueMin: 18,
  valueMax: 30,
  requiredValue: 18,
};

/** 1. AI: definition, technical foundations, automation bias, regulation (EQF 6, 5 ECTS). */
export const aiAchievement: Achievement = defineAchievement({
  id: `${NETWORK}/achievements/ai-foundations`,
  name: {
    en: 'AI: definition, technical foundations, automation bias, regulation',
    it: 'IA: definizione, fondamenti tecnici, automation bias, regolazione',
  },
  description: {
    en: 'What AI systems are, how machine-learning models are built, why people over-trust automated outputs, and how the EU AI Act regulates them.',
    it: 'Che cosa sono i sistemi di IA, come si costruiscono i modelli di apprendimento automatico, perché ci si fida troppo degli output automatici e come li regola l’AI Act.',
  },
  criteria: 'Pass the written exam (at least 18/30) and reach at least **Sufficient** in the case-study rubric.',
  creator: awardingUniversity,
  learningOutcomes: [
    { text: { en: 'Define an AI system in the sense of the EU AI Act and distinguish it from conventional software.', it: 'Definire un sistema di IA ai sensi dell’AI Act e distinguerlo dal software convenzionale.' },
      skills: [{ targetName: 'AI Act, Article 3(1): definition of an AI system', targetUrl: AI_ACT, targetFramework: 'Regulation (EU) 2024/1689', targetCode: 'Art. 3(1)' }] },
    { text: { en: 'Explain how a supervised model is trained and evaluated, and run a small training script.', it: 'Spiegare come si addestra e valuta un modello supervisionato ed eseguire un piccolo script di addestramento.' },
      skills: [escoSkill('http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', 'Python (computer programming)')] },
    { text: { en: 'Recognise automation bias in a decision process and propose human-oversight measures.', it: 'Riconoscere l’automation bias in un processo decisionale e proporre misure di sorveglianza umana.' },
      skills: [{ targetName: 'AI Act, Article 14: human oversight (automation bias)', targetUrl: AI_ACT, targetFramework: 'Regulation (EU) 2024/1689', targetCode: 'Art. 14' }] },
    { text: { en: 'Classify an AI use case by the risk categories of the AI Act and list the resulting obligations.', it: 'Classificare un caso d’uso secondo le categorie di rischio dell’AI Act ed elencarne gli obblighi.' },
      skills: [{ targetName: 'AI Act, Article 4: AI literacy', targetUrl: AI_ACT, targetFramework: 'Regulation (EU) 2024/1689', targetCode: 'Art. 4' }] },
  ],
  workload: [{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }],
  level: { framework: 'EQF', level: 6, cycle: 'first' },
  assessment: [
    { assessmentType: 'Exam', description: 'Written exam, 90 minutes, open questions', supervision: 'supervised-onsite-id-check', hasGroupParticipation: false, hasGroupEvaluation: false },
    { assessmentType: 'Artifact', description: 'Case study: automation-bias analysis of a deployed system', assessmentOutput: 'report', evaluationMethod: 'Four-level rubric' },
  ],
  participation: 'blended',
  qualityAssurance: { assuranceType: 'internal', description: 'Approved by the Academic Senate under the university quality assurance system (ESG Part 1)' },
  prerequisites: 'Secondary school diploma; no programming experience required.',
  stackability: { option: 'stackable', towards: [`${NETWORK}/programmes/digital-transformation-certificate`] },
  furtherInformation: 'https://microcredentials.unet.example/courses/ai-foundations',
  resultDescriptions: [italianGrade, fiveLevelRubric('Case study')],
  version: '2025.1',
  tags: ['artificial intelligence', 'AI Act', 'automation bias'],
});

/** 2. Data: how data is generated, processed, governed (EQF 6, 5 ECTS). */
export const dataAchievement: Achievement = defineAchievement({
  id: `${NETWORK}/achievements/data-lifecycle`,
  name: { en: 'Data: how data is generated, processed, governed', it: 'Dati: come sono generati, elaborati, governati' },
  description: 'The data lifecycle from collection to deletion: sources and bias, cleaning and analysis, and governance under the GDPR.',
  criteria: 'Submit a data management plan rated at least **Sufficient** and pass the oral exam.',
  creator: awardingUniversity,
  learningOutcomes: [
    { text: 'Describe how data is generated by sensors, platforms and administrative processes, and the biases each introduces.',
      skills: [defineAlignment({ targetName: 'DigComp 2.2 — 1.2 Evaluating data, information and digital content', targetUrl: DIGCOMP, targetFramework: 'DigComp 2.2', targetCode: '1.2' })] },
    { text: 'Clean, transform and analyse a tabular dataset and report the results.',
      skills: [escoSkill('http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f', 'perform data analysis')] },
    { text: 'Write a data management plan that applies the GDPR principles of lawfulness, minimisation and storage limitation.',
      skills: [{ targetName: 'GDPR, Article 5: principles relating to processing of personal data', targetUrl: GDPR, targetFramework: 'Regulation (EU) 2016/679', targetCode: 'Art. 5' },
        { targetName: 'DigComp 2.2 — 1.3 Managing data, information and digital content', targetUrl: DIGCOMP, targetFramework: 'DigComp 2.2', targetCode: '1.3' }] },
  ],
  workload: { value: 5, unit: 'ECTS' },
  level: { framework: 'EQF', level: 6 },
  assessment: [
    { assessmentType: 'Artifact', description: 'Data management plan for a real dataset', assessmentOutput: 'data management plan', supervision: 'unsupervised-no-id-check' },
    { assessmentType: 'Performance', description: 'Oral exam, 20 minutes, online with identity check', supervision: 'supervised-online-id-check' },
  ],
  participation: 'online',
  qualityAssurance: [
    { assuranceType: 'internal', description: 'Course approved by the Department Board' },
    { assuranceType: 'external', description: 'Institution accredited by the national agency (periodic accreditation)', assuranceUrl: 'https://www.anvur.it/' },
  ],
  stackability: { option: 'stackable', towards: [`${NETWORK}/programmes/digital-transformation-certificate`] },
  furtherInformation: 'https://microcredentials.unet.example/courses/data-lifecycle',
  resultDescriptions: [italianGrade, fiveLevelRubric('Data management plan')],
  version: '2025.1',
});

/** 3. Micro-credential design for university staff (professional development, 40 hours, no EQF level). */
export const staffAchievement: Achievement = defineAchievement({
  id: `${NETWORK}/achievements/microcredential-design-staff`,
  name: { en: 'Micro-credential design for university staff', it: 'Progettare micro-credenziali: corso per il personale universitario' },
  description: { en: 'Design a micro-credential that meets the EU standard elements: outcomes, workload, assessment and quality assurance.', it: 'Progettare una micro-credenziale conforme agli elementi standard UE: risultati, carico di lavoro, valutazione e assicurazione della qualità.' },
  criteria: { narrative: 'Complete the four workshops and present a micro-credential design rated at least **Sufficient** by peers and the facilitator.' },
  achievementType: 'ext:ProfessionalDevelopment',
  creator: awardingUniversity,
  learningOutcomes: [
    { text: 'Write assessable learning outcomes and align them to a skills framework.',
      skills: [{ targetName: 'DigCompEdu — Area 2: Digital resources', targetUrl: DIGCOMPEDU, targetFramework: 'DigCompEdu', targetCode: '2' }] },
    { text: 'Describe a micro-credential with all mandatory elements of Annex I of the Council Recommendation.',
      skills: [{ targetName: 'Council Recommendation 2022/C 243/02, Annex I', targetUrl: MC_RECOMMENDATION, targetFramework: 'EU micro-credentials standard', targetCode: 'Annex I' }] },
    { text: 'Design an assessment with a rubric proportionate to the workload.',
      skills: [{ targetName: 'DigCompEdu — Area 4: Assessment', targetUrl: DIGCOMPEDU, targetFramework: 'DigCompEdu', targetCode: '4' }] },
  ],
  workload: { value: 40, unit: 'hours' },
  level: 'not-applicable',
  assessment: { assessmentType: 'Artifact', description: 'Micro-credential design dossier, peer-reviewed', assessmentOutput: 'design dossier', hasGroupParticipation: true, hasGroupEvaluation: false, supervision: 'unsupervised-no-id-check' },
  participation: ['online', 'onsite'],
  qualityAssurance: { assuranceType: 'internal', description: 'Staff development programme reviewed yearly by the Teaching and Learning Centre' },
  prerequisites: 'Member of academic or professional staff of a network university.',
  stackability: { option: 'stand-alone' },
  resultDescriptions: [fiveLevelRubric('Design dossier')],
});

/** The three achievements, by short name. */
export const networkAchievements = { ai: aiAchievement, data: dataAchievement, staff: staffAchievement } as const;

/** Award one of the network achievements to a learner (unsigned). Learners are identified by DID and hashed student id. */
export function awardExample(
  which: keyof typeof networkAchievements,
  issuer: Profile,
  learner: { did: string; studentId?: string },
): OpenBadgeCredential {
  const achievement = networkAchievements[which];
  const results = which === 'staff'
    ? [{ resultDescription: 'Design dossier rubric', achievedLevel: 'Good' }]
    : [{ resultDescription: 'Final grade', value: 28 }, { resultDescription: which === 'ai' ? 'Case study rubric' : 'Data management plan rubric', achievedLevel: 'Excellent' }];
  return awardAchievement({
    issuer,
    achievement,
    recipient: { id: learner.did, ...(learner.studentId ? { studentId: learner.studentId, salt: 'unet-2025-salt-4f1c' } : {}) },
    id: `urn:uuid:${which === 'ai' ? '5d0e4f8a-1b2c-4d3e-8f90-a1b2c3d4e5f6' : which === 'data' ? '6e1f5a9b-2c3d-4e4f-9a01-b2c3d4e5f6a7' : '7f2a6b0c-3d4e-4f5a-8b12-c3d4e5f6a7b8'}`,
    validFrom: NOW,
    activityStartDate: '2025-03-03',
    activityEndDate: '2025-06-20',
    results,
    evidence: [{ id: `https://lms.unet.example/submissions/${which}/1234`, name: 'Final submission', genre: which === 'staff' ? 'Design dossier' : 'Report' }],
    ...(which === 'staff' ? {} : { creditsEarned: 5 }),
    now: NOW,
  });
}

/** Generate the example issuer key and sign one award: returns the key, the issuer profile and the signed credential. */
export async function signExample(which: keyof typeof networkAchievements, learnerDid = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK') {
  const key = await generateKeyPair({ seed: EXAMPLE_SEED });
  const issuer = networkIssuer(key);
  const credential = awardExample(which, issuer, { did: learnerDid, studentId: 'S0001234' });
  const signed = await issueCredential(credential, { key, now: NOW });
  return { key, issuer, credential, signed };
}
