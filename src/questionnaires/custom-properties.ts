// Periplus's own properties on SurveyJS JSON, registered once with survey-core's Serializer.
// The same module runs on the server and in the browser: an unregistered property is silently
// dropped from a model, so both sides must know exactly the same list.
import { Serializer } from 'survey-core';
import { registerXPathFunctions } from './xpath-functions';

/** Disclosure roles for statistical disclosure control (see the export issue and anonymization.md). */
export const disclosureRoles = ['direct', 'quasi', 'sensitive', 'free-text', 'date', 'location', 'none'] as const;
export type DisclosureRole = (typeof disclosureRoles)[number];

export const questionnaireFamilies = ['assessment', 'scoping', 'other'] as const;
// M "shall"; C "shall, subject to the basic concepts of its legal system"; O "shall consider", "may";
// G good practice that no treaty article requires (scored apart from the law, never a cap).
export const obligationTypes = ['M', 'C', 'O', 'G'] as const;

/** Properties whose values must be one of a closed list; survey-core does not enforce `choices`. */
export const closedProperties: ReadonlyArray<{ className: 'survey' | 'question'; name: string; values: readonly string[] }> = [
  { className: 'survey', name: 'family', values: questionnaireFamilies },
  { className: 'question', name: 'sdcRole', values: disclosureRoles },
  { className: 'question', name: 'obligation', values: obligationTypes },
];

let registered = false;

/** Registers every custom property. Idempotent; call before the first `new Model()`. */
export function registerCustomProperties(): void {
  if (registered) return;
  registered = true;
  // The functions of definitions converted from XLSForm: known wherever a definition is read.
  registerXPathFunctions();
  // Survey level: questionnaire metadata kept inside the SurveyJS JSON itself.
  Serializer.addProperty('survey', { name: 'family', choices: [...questionnaireFamilies], category: 'periplus' });
  Serializer.addProperty('survey', { name: 'languages:string[]', category: 'periplus' });
  Serializer.addProperty('survey', { name: 'translationStatus:object', category: 'periplus' });
  // Screening rules: when one holds at submission, the interview stops and only a refusal count is kept.
  Serializer.addProperty('survey', { name: 'screening:object[]', category: 'periplus' });
  // Disclosure policy of anonymized releases (thresholds, attacker scenarios): questionnaires/disclosure-policy.ts.
  Serializer.addProperty('survey', { name: 'disclosure:object', category: 'periplus' });
  // Declared sites per country: only these leave in anonymized exports (questionnaires/disclosure-policy.ts).
  Serializer.addProperty('survey', { name: 'sites:object', category: 'periplus' });
  // Whether the answers of an interview the respondent stops may be kept: questionnaires/withdrawal.ts.
  Serializer.addProperty('survey', { name: 'withdrawal:object', category: 'periplus' });
  // What the enumerator app shows whenever an interview stops (screening, withdrawal, the end): the
  // referral card's text, and the child-protection referral for a stop for being under age.
  Serializer.addProperty('survey', { name: 'referral:text', isLocalizable: true, category: 'periplus' });
  Serializer.addProperty('survey', { name: 'childReferral:text', isLocalizable: true, category: 'periplus' });
  // Cards per site (country -> site -> { referral, childReferral }): questionnaires/referrals.ts.
  Serializer.addProperty('survey', { name: 'siteReferrals:object', category: 'periplus' });
  // Gap analysis: the questionnaire whose practice indicators its country report shows apart.
  Serializer.addProperty('survey', { name: 'practiceQuestionnaire', category: 'periplus' });
  // What a version changed from the one before (summary, dropped items and where they went).
  Serializer.addProperty('survey', { name: 'versionNotes:object', category: 'periplus' });
  // Earlier versions this one closes for new data when it is published (questionnaires/publish.ts).
  Serializer.addProperty('survey', { name: 'closesVersions:string[]', category: 'periplus' });
  // Question level: disclosure control and recoding hints for exports.
  Serializer.addProperty('question', { name: 'sdcRole', choices: [...disclosureRoles], category: 'periplus' });
  Serializer.addProperty('question', { name: 'sdcRecode:object', category: 'periplus' });
  // Question level: legal-assessment metadata (article reference, cluster, obligation type).
  Serializer.addProperty('question', { name: 'articleRef', category: 'periplus' });
  Serializer.addProperty('question', { name: 'cluster', category: 'periplus' });
  Serializer.addProperty('question', { name: 'obligation', choices: [...obligationTypes], category: 'periplus' });
  Serializer.addProperty('question', { name: 'coreElement:boolean', category: 'periplus' });
  // The essence of its article (the offence itself): caps the article's score (assessments/scoring.ts).
  Serializer.addProperty('question', { name: 'essenceElement:boolean', category: 'periplus' });
  Serializer.addProperty('question', { name: 'elementId', category: 'periplus' });
  // What a new version changed in an element's meaning: its answers are not compared with earlier ones.
  Serializer.addProperty('question', { name: 'changeNote', category: 'periplus' });
  // Institutional assessment: the gap-analysis elements a practice item tests (e.g. S16.5).
  Serializer.addProperty('question', { name: 'legalElements:string[]', category: 'periplus' });
  // Institutional assessment: the actor a practice indicator belongs to (never scored with the law).
  Serializer.addProperty('question', { name: 'practiceIndicator', category: 'periplus' });
  // XLSForm's guidance_hint: kept with the question (and written back to XLSForm), not shown.
  Serializer.addProperty('question', { name: 'guidanceHint:text', isLocalizable: true, category: 'periplus' });
  // XLSForm's start, end and today: set by the form (start and today when opened, end when completed).
  Serializer.addProperty('question', { name: 'metadata', choices: ['start', 'end', 'today'], category: 'periplus' });
  // XLSForm's instance_name, kept so that the form converts back; responses are listed by id.
  Serializer.addProperty('survey', { name: 'instanceName', category: 'periplus' });
}
