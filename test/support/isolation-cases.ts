import { policy, submissionBody } from './fixtures';
import { supportPrompt } from './prompt-fixtures';

/**
 * Who calls: nobody, a submitting service (the owner of the data, or another one), or a person;
 * and the admin and a client of another workspace, who pass every role check and must still
 * reach nothing of the matrix's (default) workspace.
 */
export const CALLERS = [
  'none',
  'otherClient',
  'disabled',
  'otherQueueReviewer',
  'otherWorkspaceAdmin',
  'otherWorkspaceClient',
  'reviewer',
  'lead',
  'client',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** What a caller is: the role a person holds, or a client key. */
export const ROLE_OF: Record<Caller, 'reviewer' | 'lead' | 'admin' | 'client' | 'none'> = {
  none: 'none',
  client: 'client',
  otherClient: 'client',
  disabled: 'none', // its token is dead: it counts as nobody
  otherQueueReviewer: 'reviewer',
  otherWorkspaceAdmin: 'admin', // admin of workspace `other`, not a platform admin
  otherWorkspaceClient: 'client',
  reviewer: 'reviewer',
  lead: 'lead',
  admin: 'admin',
};

/** The matrix's data: client A's submissions and task, and throwaway targets for admin writes. */
export interface MatrixData {
  submissionId: string; // client A's, waiting in the support queue
  taskId: string; // its review task
  throwawayUserId: string;
  throwawayKeyId: string;
  memberUserId: string; // a member of the default workspace, for the membership routes
  otherClientId: string;
  clientId: string; // client A's
  datasetId: string; // client A's dataset of the support pipeline
  unknownId: string;
}

/** The prompt the matrix seeds, and the pipeline whose version 2 runs in shadow. */
export const MATRIX_PROMPT = 'matrix-prompt';
export const SHADOWED_PIPELINE = 'auto';

export interface RouteCase {
  /** Who may pass the guard: anyone, the API key of a client, or a person with at least this role. */
  access: 'public' | 'client' | 'reviewer' | 'lead' | 'admin';
  params?: (d: MatrixData) => string[];
  body?: (d: MatrixData, caller: Caller) => unknown;
  query?: string;
  /** The answer to a caller the guard lets through. */
  ok: number;
  /** The answer to another client (client routes) or a reviewer of another queue (review routes). */
  foreign?: number;
  /**
   * The answer to the admin or a client of another workspace, past the guard: the 404 of an
   * unknown target for the matrix's data, the 409 of a name another workspace holds; absent, `ok`
   * (a list of their own workspace, or something made in it).
   */
  crossWorkspace?: number;
}

const lease = (d: MatrixData) => [d.taskId];
const bogusLease = { leaseToken: '00000000-0000-4000-8000-000000000000' };

/**
 * One case per route of the running app. A route missing here fails the matrix: whoever adds a
 * route decides who may call it.
 */
export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /health': { access: 'public', ok: 200 },
  'GET /metrics': { access: 'public', ok: 200 },
  'POST /v1/auth/login': {
    access: 'public',
    // An unknown account per caller: the per-account throttle would answer 429 to the same one.
    body: (_d, caller) => ({
      email: `nobody-${caller}@matrix.local`,
      password: 'not-the-password-1',
    }),
    ok: 401,
  },
  'POST /v1/auth/refresh': { access: 'public', body: () => ({ refreshToken: 'x.y.z' }), ok: 401 },
  'POST /v1/auth/logout': { access: 'public', body: () => ({ refreshToken: 'x.y.z' }), ok: 401 },
  'GET /v1/auth/config': { access: 'public', ok: 200 },
  // Single sign-on is not configured here: its routes answer 404 (test/e2e/sso-oidc covers them).
  'GET /v1/auth/oidc/start': { access: 'public', ok: 404 },
  'GET /v1/auth/oidc/callback': { access: 'public', query: '?code=matrix&state=matrix', ok: 404 },
  'POST /v1/auth/oidc/exchange': {
    access: 'public',
    body: () => ({ code: 'matrix-unknown-sign-in-code' }),
    ok: 401,
  },
  'POST /v1/auth/oidc/backchannel-logout': {
    access: 'public',
    body: () => ({ logout_token: 'x.y.z' }),
    ok: 404,
  },

  'POST /v1/submissions': {
    access: 'client',
    body: () => submissionBody({ pipeline: 'auto' }),
    crossWorkspace: 404,
    ok: 202,
  },
  'GET /v1/submissions/:id': {
    access: 'client',
    params: (d) => [d.submissionId],
    crossWorkspace: 404,
    ok: 200,
    foreign: 404,
  },
  'GET /v1/events': { access: 'client', ok: 200 },
  'GET /v1/webhook': { access: 'client', ok: 200 },
  'PUT /v1/webhook': { access: 'client', body: () => ({ url: null }), ok: 200 },
  'POST /v1/webhook/secrets/rotate': { access: 'client', body: () => ({}), ok: 200 },
  'GET /v1/dead-letters': { access: 'client', ok: 200 },
  'POST /v1/dead-letters/replay': { access: 'client', body: () => ({}), ok: 200 },
  'POST /v1/dead-letters/:id/replay': {
    access: 'client',
    params: (d) => [d.unknownId],
    body: () => ({}),
    ok: 404,
  },

  'DELETE /v1/submissions': {
    access: 'client',
    query: '?externalId=matrix-nobody',
    ok: 200,
  },
  'POST /v1/prompts/:key/resolve': {
    access: 'client',
    params: () => [MATRIX_PROMPT],
    body: () => ({ variables: { customer: 'Aisyah', question: 'Where is my refund?' } }),
    crossWorkspace: 404,
    ok: 200,
  },

  'GET /v1/review/queues': { access: 'reviewer', ok: 200 },
  'POST /v1/review/claim': { access: 'reviewer', body: () => ({}), ok: 200 },
  'GET /v1/review/tasks/:id': {
    access: 'reviewer',
    params: lease,
    crossWorkspace: 404,
    ok: 200,
    foreign: 404,
  },
  'POST /v1/review/tasks/:id/heartbeat': {
    access: 'reviewer',
    params: lease,
    body: () => bogusLease,
    crossWorkspace: 404,
    ok: 403,
    foreign: 404,
  },
  'POST /v1/review/tasks/:id/release': {
    access: 'reviewer',
    params: lease,
    body: () => bogusLease,
    crossWorkspace: 404,
    ok: 403,
    foreign: 404,
  },
  'POST /v1/review/tasks/:id/decide': {
    access: 'reviewer',
    params: lease,
    body: () => ({ ...bogusLease, action: 'approve' }),
    crossWorkspace: 404,
    ok: 403,
    foreign: 404,
  },

  // Every caller's own decisions only: an id that is not the caller's is 404 like an unknown one
  // (test/e2e/review-undo.e2e-spec.ts undoes a real decision of another reviewer).
  'GET /v1/review/decisions/mine': { access: 'reviewer', query: '?limit=5', ok: 200 },
  'POST /v1/review/decisions/:id/undo': {
    access: 'reviewer',
    params: (d) => [d.unknownId],
    ok: 404,
  },

  'GET /v1/review/queues/:queue/tasks': {
    access: 'lead',
    params: () => ['support'],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/alerts': { access: 'lead', ok: 200 },
  'GET /v1/stats/backlog': { access: 'lead', ok: 200 },
  'GET /v1/stats/sla': { access: 'lead', ok: 200 },
  'GET /v1/stats/forecast': { access: 'lead', ok: 200 },
  'GET /v1/stats/throughput': { access: 'lead', ok: 200 },
  'GET /v1/stats/automation': { access: 'lead', ok: 200 },
  'GET /v1/stats/reviewers': { access: 'lead', ok: 200 },
  'GET /v1/stats/versions': {
    access: 'lead',
    query: '?pipeline=support',
    crossWorkspace: 400,
    ok: 200,
  },
  'GET /v1/stats/export': { access: 'lead', ok: 200 },
  'GET /v1/pipelines/:key/oversight': {
    access: 'lead',
    params: () => ['support'],
    crossWorkspace: 404,
    ok: 200,
  },
  'PUT /v1/pipelines/:key/breaker': {
    access: 'lead',
    params: () => ['support'],
    body: () => ({ state: 'auto', reason: 'isolation matrix' }),
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/pipelines/:key/recalibration': {
    access: 'lead',
    params: () => ['support'],
    crossWorkspace: 404,
    ok: 200,
  },
  'POST /v1/pipelines/:key/recalibration/apply': {
    access: 'lead',
    params: () => ['support'],
    body: () => ({ autoApprove: 1, reason: 'isolation matrix' }),
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/pipelines/:key/recalibration/refit': {
    access: 'lead',
    params: () => ['support'],
    crossWorkspace: 404,
    ok: 200,
  },
  // On billing: a new version of support would give the rollback case below an earlier one.
  'POST /v1/pipelines/:key/recalibration/refit/apply': {
    access: 'lead',
    params: () => ['billing'],
    body: () => ({ a: -1, b: 0, reason: 'isolation matrix' }),
    crossWorkspace: 404,
    ok: 200,
  },

  'GET /v1/prompts': { access: 'lead', ok: 200 },
  'GET /v1/prompts/:key': {
    access: 'lead',
    params: () => [MATRIX_PROMPT],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/prompts/:key/versions/:version': {
    access: 'lead',
    params: () => [MATRIX_PROMPT, '1'],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/prompts/:key/diff': {
    access: 'lead',
    params: () => [MATRIX_PROMPT],
    query: '?from=1&to=1',
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/prompts/:key/quality': {
    access: 'lead',
    params: () => [MATRIX_PROMPT],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/prompts/:key/history': {
    access: 'lead',
    params: () => [MATRIX_PROMPT],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/pipelines/:key/shadow': {
    access: 'lead',
    params: () => [SHADOWED_PIPELINE],
    crossWorkspace: 404,
    ok: 200,
  },
  'POST /v1/datasets': {
    access: 'lead',
    body: (d, caller) => ({ pipeline: 'support', client: d.clientId, name: `matrix-${caller}` }),
    crossWorkspace: 400,
    ok: 201,
  },
  'GET /v1/datasets': { access: 'lead', ok: 200 },
  'GET /v1/datasets/:id': {
    access: 'lead',
    params: (d) => [d.datasetId],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/datasets/:id/items': {
    access: 'lead',
    params: (d) => [d.datasetId],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/datasets/:id/export': {
    access: 'lead',
    params: (d) => [d.datasetId],
    crossWorkspace: 404,
    ok: 200,
  },
  'POST /v1/datasets/:id/collect': {
    access: 'lead',
    params: (d) => [d.datasetId],
    body: () => ({}),
    crossWorkspace: 404,
    ok: 200,
  },
  // Past the guard, refused on the data: no such submission, item, dataset or run.
  'POST /v1/datasets/:id/items': {
    access: 'lead',
    params: (d) => [d.datasetId],
    body: (d) => ({ submissionIds: [d.unknownId] }),
    crossWorkspace: 404,
    ok: 422, // the dataset exists; the submission named in the body does not
  },
  'DELETE /v1/datasets/:id/items/:itemId': {
    access: 'lead',
    params: (d) => [d.datasetId, d.unknownId],
    crossWorkspace: 404,
    ok: 404,
  },
  'POST /v1/datasets/:id/runs': {
    access: 'lead',
    params: (d) => [d.unknownId],
    body: () => ({}),
    ok: 404,
  },
  'GET /v1/datasets/:id/runs': {
    access: 'lead',
    params: (d) => [d.datasetId],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/datasets/:id/runs/:runId': {
    access: 'lead',
    params: (d) => [d.datasetId, d.unknownId],
    crossWorkspace: 404,
    ok: 404,
  },

  'GET /v1/pipelines/:key': {
    access: 'admin',
    params: () => ['support'],
    crossWorkspace: 404,
    ok: 200,
  },
  'PUT /v1/pipelines/:key': {
    access: 'admin',
    params: () => ['support'],
    query: '?activate=true',
    body: () => ({
      pipeline: 'support',
      ...policy({ thresholds: { autoApprove: 1, aiReview: 1 } }),
    }),
    crossWorkspace: 409,
    ok: 200,
  },
  // Stores nothing: an invalid policy is answered 200 with its problems.
  'POST /v1/pipelines/:key/check': {
    access: 'admin',
    params: () => ['support'],
    body: () => ({ pipeline: 'support', thresholds: { autoApprove: 2 } }),
    crossWorkspace: 409,
    ok: 200,
  },
  'POST /v1/pipelines/:key/activate': {
    access: 'admin',
    params: () => ['support'],
    body: () => ({ version: 1 }),
    crossWorkspace: 404,
    ok: 200,
  },
  // Past the guard, refused on the pipeline's history (activate just went back to version 1).
  'POST /v1/pipelines/:key/rollback': {
    access: 'admin',
    params: () => ['support'],
    body: () => ({}),
    crossWorkspace: 404,
    ok: 400,
  },
  'POST /v1/pipelines/:key/split': {
    access: 'admin',
    params: () => ['support'],
    body: () => ({ version: 1, percent: 0 }),
    crossWorkspace: 404,
    ok: 200,
  },
  'PUT /v1/prompts/:key': {
    access: 'admin',
    params: () => [MATRIX_PROMPT],
    body: () => supportPrompt({ labels: ['production'] }),
    crossWorkspace: 409,
    ok: 200,
  },
  'PUT /v1/prompts/:key/labels/:label': {
    access: 'admin',
    params: () => [MATRIX_PROMPT, 'staging'],
    body: () => ({ version: 1 }),
    crossWorkspace: 404,
    ok: 200,
  },
  'PUT /v1/prompts/:key/split': {
    access: 'admin',
    params: () => [MATRIX_PROMPT],
    body: () => ({ a: 'production', b: '1', percent: 0 }),
    crossWorkspace: 404,
    ok: 200,
  },
  'PUT /v1/pipelines/:key/shadow': {
    access: 'admin',
    params: () => [SHADOWED_PIPELINE],
    body: () => ({ version: 2 }),
    crossWorkspace: 404,
    ok: 200,
  },
  'DELETE /v1/pipelines/:key/shadow': {
    access: 'admin',
    params: () => [SHADOWED_PIPELINE],
    crossWorkspace: 404,
    ok: 204,
  },
  'GET /v1/users': { access: 'admin', ok: 200 },
  'POST /v1/users': {
    access: 'admin',
    body: (_d, caller) => ({
      email: `made-by-${caller}@matrix.local`,
      password: 'matrix-pass-1',
      role: 'reviewer',
      queues: ['support'],
    }),
    crossWorkspace: 409,
    ok: 201,
  },
  'PATCH /v1/users/:id': {
    access: 'admin',
    params: (d) => [d.throwawayUserId],
    body: () => ({ role: 'lead' }),
    crossWorkspace: 404,
    ok: 200,
  },
  'POST /v1/users/:id/disable': {
    access: 'admin',
    params: (d) => [d.throwawayUserId],
    body: () => ({}),
    crossWorkspace: 404,
    ok: 200,
  },
  'POST /v1/users/:id/enable': {
    access: 'admin',
    params: (d) => [d.throwawayUserId],
    body: () => ({}),
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/queues': { access: 'admin', ok: 200 },
  'GET /v1/clients': { access: 'admin', ok: 200 },
  'POST /v1/clients': { access: 'admin', body: () => ({ name: 'matrix-made-client' }), ok: 201 },
  'PUT /v1/clients/:id/quota': {
    access: 'admin',
    params: (d) => [d.otherClientId],
    body: () => ({ requestsPerSecond: 1000 }),
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/api-keys': { access: 'admin', ok: 200 },
  'POST /v1/api-keys': {
    access: 'admin',
    body: (d) => ({ clientId: d.otherClientId, name: 'matrix-made-key' }),
    crossWorkspace: 404,
    ok: 201,
  },
  'DELETE /v1/api-keys/:id': {
    access: 'admin',
    params: (d) => [d.throwawayKeyId],
    crossWorkspace: 404,
    ok: 200,
  },
  'GET /v1/audit': { access: 'admin', query: '?action=user.&limit=5', ok: 200 },
  'GET /v1/audit/export': {
    access: 'admin',
    query: '?action=pipeline.activate&includePending=true',
    ok: 200,
  },
  'GET /v1/audit/pending': { access: 'admin', query: '?action=client.&limit=5', ok: 200 },
  'GET /v1/admin/dead-letters': { access: 'admin', ok: 200 },
  // Platform admins only: a workspace's admin is refused by role.
  'GET /v1/workspaces': { access: 'admin', crossWorkspace: 403, ok: 200 },
  'POST /v1/workspaces': {
    access: 'admin',
    body: (_d, caller) => ({ key: `matrix-${caller.toLowerCase()}`, name: 'Matrix' }),
    crossWorkspace: 403,
    ok: 201,
  },
  'GET /v1/workspaces/mine': { access: 'reviewer', ok: 200 },
  // Of the default workspace: its admins (here the platform admin) only.
  'PUT /v1/workspaces/:key/members/:userId': {
    access: 'admin',
    params: (d) => ['default', d.memberUserId],
    body: () => ({ role: 'lead' }),
    crossWorkspace: 404,
    ok: 200,
  },
  'DELETE /v1/workspaces/:key/members/:userId': {
    access: 'admin',
    params: (d) => ['default', d.memberUserId],
    crossWorkspace: 404,
    ok: 204,
  },
  'POST /v1/admin/dead-letters/replay': { access: 'admin', body: () => ({}), ok: 200 },
  'POST /v1/admin/dead-letters/:id/replay': {
    access: 'admin',
    params: (d) => [d.unknownId],
    body: () => ({}),
    ok: 404,
  },
};

const RANK = { none: -1, client: -1, reviewer: 0, lead: 1, admin: 2 } as const;

/** Callers of another workspace than the matrix's data. */
export const OTHER_WORKSPACE: readonly Caller[] = ['otherWorkspaceAdmin', 'otherWorkspaceClient'];

/** The one answer a caller must get from a route. */
export function expectedStatus(route: RouteCase, caller: Caller): number {
  const role = ROLE_OF[caller];
  const foreign = caller === 'otherClient' || caller === 'otherQueueReviewer';
  const passed = OTHER_WORKSPACE.includes(caller)
    ? (route.crossWorkspace ?? route.ok)
    : foreign
      ? (route.foreign ?? route.ok)
      : route.ok;
  if (route.access === 'public') return route.ok;
  if (route.access === 'client') return role === 'client' ? passed : 401;
  if (role === 'none' || role === 'client') return 401;
  if (RANK[role] < RANK[route.access]) return 403;
  return passed;
}

/** What a socket handshake must give: `connected`, or the error's first word. */
export function expectedHandshake(namespace: string, caller: Caller): string {
  const role = ROLE_OF[caller];
  if (role === 'none' || role === 'client') return 'unauthorized';
  if (namespace === '/dashboard' && role === 'reviewer') return 'forbidden';
  return 'connected';
}

/**
 * The /review commands against client A's task with a lease nobody holds: 403 to a person who
 * may work on its queue, the 404 of an unknown task to a reviewer of another queue (and to the
 * admin of another workspace, see `socketExpectation`).
 */
export const SOCKET_CASES: Record<
  string,
  { payload: (d: MatrixData) => unknown; ok: number | 'ok'; foreign: number | 'ok' }
> = {
  '/review queues': { payload: () => ({}), ok: 'ok', foreign: 'ok' },
  '/review claim': { payload: () => ({}), ok: 'ok', foreign: 'ok' },
  // Only ever the caller's own held tasks, so every reviewer gets an answer.
  '/review held': { payload: () => ({}), ok: 'ok', foreign: 'ok' },
  '/review heartbeat': {
    payload: (d) => ({ taskId: d.taskId, ...bogusLease }),
    ok: 403,
    foreign: 404,
  },
  '/review release': {
    payload: (d) => ({ taskId: d.taskId, ...bogusLease }),
    ok: 403,
    foreign: 404,
  },
  '/review decide': {
    payload: (d) => ({ taskId: d.taskId, ...bogusLease, action: 'approve' }),
    ok: 403,
    foreign: 404,
  },
};
