// Who may call which route: one table, read by the authorize middleware for every request. A
// route without an entry is refused (fail closed), and the authorization-matrix test fails for it.
// Scope (countries, assignments, own interviews) is applied by the queries behind each route.
import type { Role } from '../storage/schema';

export type AccessRule =
  | { public: true }
  | {
      roles: readonly Role[];
      /** Only a signed-in person (a session), never a token: managing one's own tokens. */
      sessionOnly?: boolean;
      /**
       * An enumerator device's token may call this route. Devices are send-only: they read their
       * questionnaires and submit, and nothing else, so a token taken from a phone reads no answer.
       */
      device?: true;
    };

const everyone: readonly Role[] = ['admin', 'coordinator', 'assessor', 'enumerator', 'researcher'];
const collectors: readonly Role[] = ['admin', 'coordinator', 'assessor', 'enumerator'];
const reviewers: readonly Role[] = ['admin', 'coordinator'];
const readers: readonly Role[] = ['admin', 'coordinator', 'assessor', 'enumerator'];
const editors: readonly Role[] = ['admin', 'coordinator', 'assessor'];

export const ACCESS: Record<string, AccessRule> = {
  'GET /healthz': { public: true },
  'GET /api/docs': { public: true },
  'GET /api/docs/init.js': { public: true },
  'GET /api/docs/:file': { public: true },
  'GET /api/v1/openapi.json': { public: true },
  // Browser pages are shells without data (their scripts call the API as the signed-in person or
  // device), and static files are public by nature.
  'GET /': { public: true },
  'GET /fill/:questionnaireId/:version/:instanceId': { public: true },
  'GET /print/:instanceId': { public: true },
  // Workspace shells hold no data: each page reads the API with the person's session.
  'GET /workspace/:page': { public: true },
  'GET /collect': { public: true },
  'GET /collect/': { public: true },
  'GET /collect/manifest.webmanifest': { public: true },
  'GET /collect/icon.svg': { public: true },
  'GET /collect/sw.js': { public: true },
  'GET /assets/:hash/:name': { public: true },

  'POST /api/v1/session': { public: true },
  'GET /api/v1/session': { roles: everyone, device: true },
  'DELETE /api/v1/session': { roles: everyone, sessionOnly: true },

  'GET /api/v1/questionnaires': { roles: everyone, device: true },
  'GET /api/v1/questionnaires/:questionnaireId': { roles: everyone, device: true },
  // A questionnaire's state holds for every country at once: only admins change it.
  'PATCH /api/v1/questionnaires/:questionnaireId': { roles: ['admin'] },
  'GET /api/v1/questionnaires/:questionnaireId/versions/:version': { roles: everyone, device: true },
  'PATCH /api/v1/questionnaires/:questionnaireId/versions/:version': { roles: ['admin'] },
  'GET /api/v1/questionnaires/:questionnaireId/versions/:version/definition': { roles: everyone, device: true },
  'POST /api/v1/questionnaires/:questionnaireId/versions': { roles: ['admin', 'coordinator'] },
  'GET /api/v1/questionnaires/:questionnaireId/versions/:version/xlsform': { roles: everyone },

  'POST /api/v1/questionnaires/:questionnaireId/versions/:version/responses': { roles: collectors, device: true },
  'PUT /api/v1/questionnaires/:questionnaireId/versions/:version/drafts/:instanceId': { roles: collectors },
  'GET /api/v1/questionnaires/:questionnaireId/responses': { roles: readers },
  'GET /api/v1/questionnaires/:questionnaireId/responses/counts': { roles: readers },
  'GET /api/v1/responses/:instanceId': { roles: readers },
  'PUT /api/v1/responses/:instanceId': { roles: editors },
  'DELETE /api/v1/responses/:instanceId': { roles: reviewers },
  'POST /api/v1/responses/:instanceId/restore': { roles: reviewers },
  'PATCH /api/v1/responses/:instanceId/review': { roles: reviewers },
  'GET /api/v1/responses/:instanceId/reviews': { roles: editors },
  'GET /api/v1/responses/:instanceId/revisions': { roles: editors },
  'GET /api/v1/responses/:instanceId/revisions/:revision': { roles: editors },
  'GET /api/v1/responses/:instanceId/diff': { roles: editors },
  'GET /api/v1/trash': { roles: reviewers },

  'PUT /api/v1/session/password': { roles: everyone, sessionOnly: true },
  'GET /api/v1/users': { roles: ['admin'] },
  'POST /api/v1/users': { roles: ['admin'] },
  'PATCH /api/v1/users/:userId': { roles: ['admin'] },
  'PUT /api/v1/users/:userId/assignments': { roles: reviewers },

  'GET /api/v1/devices': { roles: reviewers },
  'POST /api/v1/devices': { roles: reviewers },
  'DELETE /api/v1/devices/:tokenId': { roles: reviewers },

  'GET /api/v1/tokens': { roles: everyone, sessionOnly: true },
  'POST /api/v1/tokens': { roles: everyone, sessionOnly: true },
  'DELETE /api/v1/tokens/:tokenId': { roles: everyone, sessionOnly: true },

  'GET /api/v1/audit': { roles: ['admin'] },

  // Researchers get anonymized data through approved releases only, never an ad-hoc export.
  'GET /api/v1/questionnaires/:questionnaireId/export': { roles: reviewers },
  'POST /api/v1/questionnaires/:questionnaireId/releases': { roles: reviewers },
  'GET /api/v1/questionnaires/:questionnaireId/releases': { roles: ['admin', 'coordinator', 'researcher'] },
  'GET /api/v1/releases/:releaseId': { roles: ['admin', 'coordinator', 'researcher'] },
  'GET /api/v1/releases/:releaseId/bundle': { roles: ['admin', 'coordinator', 'researcher'] },
  'POST /api/v1/releases/:releaseId/approve': { roles: reviewers },
  'POST /api/v1/releases/:releaseId/discard': { roles: reviewers },

  'GET /api/v1/responses/:instanceId/report': { roles: editors },
  'GET /api/v1/questionnaires/:questionnaireId/heatmap': { roles: reviewers },
  'GET /api/v1/questionnaires/:questionnaireId/agreement': { roles: editors },
  'GET /api/v1/questionnaires/:questionnaireId/fieldwork': { roles: reviewers },
  'PUT /api/v1/questionnaires/:questionnaireId/fieldwork/targets': { roles: reviewers },
};

export function ruleFor(method: string, path: string): AccessRule | undefined {
  return ACCESS[`${method} ${path}`];
}
