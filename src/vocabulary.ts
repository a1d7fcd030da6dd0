// The closed vocabularies of the domain: questionnaire and response states, review states, roles,
// token kinds, release states. The schema stores them (storage/schema.ts); routes, services and
// replies name them from here, without reaching into storage.

export const questionnaireStates = ['open', 'closing', 'closed'] as const;
export type QuestionnaireState = (typeof questionnaireStates)[number];

export const responseStatuses = ['draft', 'submitted'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

export const reviewStates = ['received', 'has_issues', 'approved', 'rejected'] as const;
export type ReviewState = (typeof reviewStates)[number];

export const roles = ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher'] as const;
export type Role = (typeof roles)[number];

export const tokenKinds = ['api', 'device'] as const;
export type TokenKind = (typeof tokenKinds)[number];

export const releaseStates = ['pending', 'approved', 'discarded'] as const;
export type ReleaseState = (typeof releaseStates)[number];
