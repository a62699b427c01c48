// @ts-nocheck
// Library messages name API options (`documents`, `fetch`, options.learner…); the CLI user needs the flag instead.

const WORDING: [RegExp, string][] = [
  [/pass it in `documents` \(offline\) or give an explicit `fetch`/g, 'pass --documents DIR or --document FILE with a copy, or --online to fetch it'],
  [/pass (?:it|its DID document) in `documents`/g, 'pass it with --document FILE or --documents DIR'],
  [/\(set allowUnsafeUrls to override\)/g, ''],
  [/is not in trustedIssuers/g, 'is not on your trust list (--trusted-issuer / --trust-list)'],
  [/;?\s*pass options\.learner/g, ': pass --learner DID|EMAIL|STUDENT_ID'],
  [/\(option learner(?::[^)]*)?\)/g, '(--learner DID|EMAIL|STUDENT_ID)'],
  [/\s*\(or give an explicit `fetch`\)/g, ' (or --online)'],
  [/options\.now/g, '--now'],
  [/\b(?:in|with) `?documents`?\b/g, 'with --documents DIR / --document FILE'],
  [/an explicit fetch/g, '--online'],
  [/\baward\.recipient\.email\b/g, 'the email column'],
  [/\baward\.recipient\.studentId\b/g, 'the student id column'],
  [/\baward\.recipient\.id\b/g, 'the did column'],
];

/** Library wording → CLI wording (option names instead of API names). */
export function cliWording(message: string): string {
  let m = message;
  for (const [re, to] of WORDING) m = m.replace(re, to);
  return m;
}

