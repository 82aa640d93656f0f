import { AuditLog } from '@arbiter/audit';
import { expectEventually } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArbiterHarness } from '../support/arbiter.harness';
import { generateTypes, unknownSuccessBodies } from '../support/contract-types';
import { ContractValidator, ValidatingHttpClient } from '../support/contract.validator';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import {
  CookieBrowser,
  freePort,
  OidcProviderProcess,
  throughProvider,
} from '../support/oidc/oidc-provider.process';
import { routeCatalog } from '../support/route-catalog';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

/** Routes that are not part of the v1 contract: the scrape endpoint and the document itself. */
const UNDOCUMENTED = /^\/(metrics|docs)(\/|$)/;
const CLIENT_DIR = join(__dirname, '../../packages/client');
/** Set to 1 to rewrite the committed contract snapshot and the SDK's generated types. */
const WRITE = process.env.ARBITER_WRITE_CONTRACT === '1';
/** Single sign-on's callback as the provider knows it (the test carries it to the api). */
const SSO_REDIRECT = 'http://arbiter.test/v1/auth/oidc/callback';
const SSO_CLIENT = { clientId: 'arbiter', clientSecret: 'contract-client-secret' };

describe('the API contract: the served document, and every route answering as it says', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  let contract: ContractValidator;
  let http: ValidatingHttpClient;
  let provider: OidcProviderProcess;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    const port = await freePort();
    arbiter = await ArbiterHarness.start({
      config: {
        webhooks: testWebhookConfig(),
        sso: {
          localLogin: true,
          oidc: {
            issuer: `http://127.0.0.1:${port}`,
            ...SSO_CLIENT,
            redirectUrl: SSO_REDIRECT,
            scopes: ['openid', 'email', 'groups'],
            groupsClaim: 'groups',
            roleMap: { reviewers: [{ role: 'reviewer' }] },
            name: 'Contract IdP',
          },
        },
      },
    });
    provider = await OidcProviderProcess.start(port, {
      ...SSO_CLIENT,
      redirectUris: [SSO_REDIRECT],
      accounts: { sam: { email: 'sam@idp.test', email_verified: true, groups: ['reviewers'] } },
    });
    contract = await ContractValidator.load(arbiter.http.baseUrl);
    http = new ValidatingHttpClient(arbiter.http.baseUrl, contract);
  });
  afterAll(async () => {
    await provider?.stop();
    await arbiter.stop();
    await receiver.stop();
  });

  it('documents every route the app registers, each with an operationId, a tag and its security scheme', () => {
    const routes = routeCatalog(arbiter.api).routes.filter((r) => !UNDOCUMENTED.test(r.path));
    const documented = Object.entries(contract.document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
    const asTemplate = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
    expect(documented.map((d) => d.key).sort()).toEqual(
      routes.map((r) => `${r.method} ${asTemplate(r.path)}`).sort(),
    );
    const ids = documented.map((d) => d.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, op } of documented) {
      expect([key, op.tags?.length]).toEqual([key, 1]);
      const refusals = Object.keys(op.responses).filter((s) => /^[45]/.test(s));
      for (const status of refusals) {
        const schema = op.responses[status].content?.['application/json']?.schema as {
          $ref?: string;
        };
        expect([key, status, schema?.$ref]).toEqual([
          key,
          status,
          key === 'GET /health' && status === '503'
            ? '#/components/schemas/Health'
            : '#/components/schemas/Problem',
        ]);
      }
    }
    expect(Object.keys(contract.document.components.securitySchemes ?? {}).sort()).toEqual([
      'apiKey',
      'userToken',
    ]);
    const schemesOf = (key: string) =>
      documented.find((d) => d.key === key)?.op.security?.flatMap((s) => Object.keys(s));
    expect(schemesOf('POST /v1/submissions')).toEqual(['apiKey']);
    expect(schemesOf('POST /v1/review/claim')).toEqual(['userToken']);
    expect(schemesOf('POST /v1/auth/login')).toBeUndefined();
  });

  it('gives openapi-typescript a typed body for every documented 2xx, and the SDK is generated from this very document', async () => {
    const types = generateTypes(contract.document);
    expect(unknownSuccessBodies(contract.document, types)).toEqual([]);
    const snapshot = `${JSON.stringify(contract.document, null, 2)}\n`;
    const files = {
      [join(CLIENT_DIR, 'src/openapi.json')]: snapshot,
      [join(CLIENT_DIR, 'src/generated/openapi.ts')]: types,
    };
    for (const [file, text] of Object.entries(files)) {
      if (WRITE) writeFileSync(file, text);
      const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
      // When this fails, the contract changed: ARBITER_WRITE_CONTRACT=1 npx jest --config jest.e2e.config.js test/e2e/contract
      expect([file, committed === text]).toEqual([file, true]);
    }
  });

  it('answers every operation, on its happy path and its usual refusals, exactly as the document says', async () => {
    await arbiter.reset();
    const key = { token: arbiter.bootstrapKey };
    const health = await http.get('/health');
    expect(health.status).toBe(200);

    // Users: log in, refresh, log out, and the refusals of each.
    expect(
      (await http.post('/v1/auth/login', { email: 'admin@test.local', password: 'wrong-password' }))
        .status,
    ).toBe(401);
    const login = await http.post<{ accessToken: string; refreshToken: string }>('/v1/auth/login', {
      email: 'admin@test.local',
      password: 'admin-password-1',
    });
    expect(login.status).toBe(200);
    const admin = { token: login.body.accessToken };
    const refreshed = await http.post<{ refreshToken: string }>('/v1/auth/refresh', {
      refreshToken: login.body.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect((await http.post('/v1/auth/refresh', { refreshToken: 'not-a-token' })).status).toBe(401);
    const session = await http.post<{ refreshToken: string }>('/v1/auth/login', {
      email: 'admin@test.local',
      password: 'admin-password-1',
    });
    expect(
      (await http.post('/v1/auth/logout', { refreshToken: session.body.refreshToken })).status,
    ).toBe(204);

    // Pipelines: versions, activation, rollback, split.
    const auto = policy();
    const human = policy({
      ...ALWAYS_HUMAN,
      review: { queue: 'desk', sla: '30m', reasonCodes: ['inaccurate'], undoWindow: '3s' },
    });
    expect(
      (
        await http.put(
          '/v1/pipelines/support?activate=true',
          { pipeline: 'support', ...auto },
          admin,
        )
      ).status,
    ).toBe(200);
    expect(
      (await http.put('/v1/pipelines/desk?activate=true', { pipeline: 'desk', ...human }, admin))
        .status,
    ).toBe(200);
    expect(
      (
        await http.put(
          '/v1/pipelines/support',
          { pipeline: 'support', ...auto, review: { queue: 'support', priority: 6, sla: '30m' } },
          admin,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await http.put(
          '/v1/pipelines/support',
          { pipeline: 'support', thresholds: { autoApprove: 2 } },
          admin,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await http.put('/v1/pipelines/support', undefined, {
          ...admin,
          raw: 'x',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    const check = (body: unknown) => http.post('/v1/pipelines/support/check', body, admin);
    expect((await check({ pipeline: 'support', ...auto })).status).toBe(200);
    expect((await check({ pipeline: 'support', thresholds: { autoApprove: 2 } })).status).toBe(200);
    expect(
      (
        await http.post('/v1/pipelines/support/check', undefined, {
          ...admin,
          raw: 'pipeline: support\nthresholds: [',
          headers: { 'content-type': 'application/yaml' },
        })
      ).status,
    ).toBe(200);
    expect((await http.get('/v1/pipelines/support', admin)).status).toBe(200);
    expect((await http.get('/v1/pipelines/nothing-here', admin)).status).toBe(404);
    expect((await http.post('/v1/pipelines/support/activate', { version: 2 }, admin)).status).toBe(
      200,
    );
    expect((await http.post('/v1/pipelines/support/rollback', undefined, admin)).status).toBe(200);
    expect(
      (await http.post('/v1/pipelines/support/split', { version: 2, percent: 20 }, admin)).status,
    ).toBe(200);
    expect(
      (await http.post('/v1/pipelines/support/split', { version: 2, percent: 0 }, admin)).status,
    ).toBe(200);
    expect((await http.get('/v1/pipelines/support/oversight', admin)).status).toBe(200);
    expect((await http.get('/v1/pipelines/nothing-here/oversight', admin)).status).toBe(404);
    const force = { state: 'open', reason: 'contract test' };
    expect((await http.put('/v1/pipelines/desk/breaker', force, admin)).status).toBe(200);
    const release = { state: 'auto', reason: 'contract test' };
    expect((await http.put('/v1/pipelines/desk/breaker', release, admin)).status).toBe(200);
    expect((await http.put('/v1/pipelines/desk/breaker', { state: 'shut' }, admin)).status).toBe(
      400,
    );
    expect((await http.get('/v1/pipelines/support/recalibration', admin)).status).toBe(200);
    expect(
      (await http.get('/v1/pipelines/support/recalibration?targetError=2', admin)).status,
    ).toBe(400);
    const recalibrated = { autoApprove: 1, reason: 'contract test' };
    expect(
      (await http.post('/v1/pipelines/desk/recalibration/apply', recalibrated, admin)).status,
    ).toBe(200);
    expect(
      (await http.post('/v1/pipelines/nothing-here/recalibration/apply', recalibrated, admin))
        .status,
    ).toBe(404);
    expect((await http.get('/v1/pipelines/support/recalibration/refit', admin)).status).toBe(200);
    const refit = { a: -1.1, b: 0.1, reason: 'contract test' };
    expect(
      (await http.post('/v1/pipelines/desk/recalibration/refit/apply', refit, admin)).status,
    ).toBe(200);
    expect(
      (await http.post('/v1/pipelines/desk/recalibration/refit/apply', { reason: 'now' }, admin))
        .status,
    ).toBe(409);
    expect(
      (await http.post('/v1/pipelines/desk/recalibration/refit/apply', { a: 1 }, admin)).status,
    ).toBe(400);
    expect((await http.get('/v1/alerts', admin)).status).toBe(200);
    expect((await http.get('/v1/alerts?status=firing&pipeline=desk', admin)).status).toBe(200);
    expect((await http.get('/v1/alerts?status=maybe', admin)).status).toBe(400);

    // People, clients, keys, quotas.
    const user = await http.post<{ id: string }>(
      '/v1/users',
      { email: 'rita@test.local', password: 'rita-password-1', role: 'reviewer', queues: ['desk'] },
      admin,
    );
    expect(user.status).toBe(201);
    expect(
      (
        await http.post(
          '/v1/users',
          { email: 'rita@test.local', password: 'rita-password-1', role: 'reviewer' },
          admin,
        )
      ).status,
    ).toBe(409);
    expect((await http.get('/v1/users', admin)).status).toBe(200);
    expect(
      (await http.request('PATCH', `/v1/users/${user.body.id}`, { skills: ['en'] }, admin)).status,
    ).toBe(200);

    // Workspaces: created, listed, a member set and removed, and where I may act.
    expect(
      (await http.post('/v1/workspaces', { key: 'claims', name: 'Claims' }, admin)).status,
    ).toBe(201);
    expect(
      (await http.post('/v1/workspaces', { key: 'claims', name: 'Again' }, admin)).status,
    ).toBe(409);
    expect((await http.post('/v1/workspaces', { key: 'Not A Key', name: 'x' }, admin)).status).toBe(
      400,
    );
    expect((await http.get('/v1/workspaces', admin)).status).toBe(200);
    expect(
      (await http.put(`/v1/workspaces/claims/members/${user.body.id}`, { role: 'lead' }, admin))
        .status,
    ).toBe(200);
    expect(
      (await http.put(`/v1/workspaces/nope/members/${user.body.id}`, { role: 'lead' }, admin))
        .status,
    ).toBe(404);
    expect(
      (await http.put(`/v1/workspaces/claims/members/${user.body.id}`, { role: 'boss' }, admin))
        .status,
    ).toBe(400);
    expect((await http.get('/v1/workspaces/mine', admin)).status).toBe(200);
    expect((await http.delete(`/v1/workspaces/claims/members/${user.body.id}`, admin)).status).toBe(
      204,
    );
    expect((await http.delete(`/v1/workspaces/claims/members/${user.body.id}`, admin)).status).toBe(
      404,
    );
    expect(
      (await http.request('PATCH', `/v1/users/${randomUUID()}`, { skills: ['en'] }, admin)).status,
    ).toBe(404);
    expect((await http.post(`/v1/users/${user.body.id}/disable`, undefined, admin)).status).toBe(
      200,
    );
    expect((await http.post(`/v1/users/${user.body.id}/enable`, undefined, admin)).status).toBe(
      200,
    );
    expect((await http.get('/v1/queues', admin)).status).toBe(200);
    const client = await http.post<{ id: string }>(
      '/v1/clients',
      { name: 'claims-bot', allowedPipelines: ['support'] },
      admin,
    );
    expect(client.status).toBe(201);
    expect((await http.get('/v1/clients', admin)).status).toBe(200);
    expect(
      (await http.put(`/v1/clients/${client.body.id}/quota`, { requestsPerSecond: 50 }, admin))
        .status,
    ).toBe(200);
    expect(
      (await http.put(`/v1/clients/${randomUUID()}/quota`, { requestsPerSecond: null }, admin))
        .status,
    ).toBe(404);
    const created = await http.post<{ id: string; key: string }>(
      '/v1/api-keys',
      { clientId: client.body.id, name: 'prod' },
      admin,
    );
    expect(created.status).toBe(201);
    expect((await http.get('/v1/api-keys', admin)).status).toBe(200);
    expect(
      (
        await http.post('/v1/submissions', submissionBody({ pipeline: 'desk' }), {
          token: created.body.key,
        })
      ).status,
    ).toBe(403);
    expect(
      (await http.request('DELETE', `/v1/api-keys/${created.body.id}`, undefined, admin)).status,
    ).toBe(200);
    expect(
      (await http.request('DELETE', `/v1/api-keys/${created.body.id}`, undefined, admin)).status,
    ).toBe(404);

    // Webhook endpoint and secrets.
    expect(
      (await http.put('/v1/webhook', { url: receiver.url(), subscribeRouted: true }, key)).status,
    ).toBe(200);
    expect((await http.put('/v1/webhook', { url: 'not a url' }, key)).status).toBe(400);
    expect((await http.get('/v1/webhook', key)).status).toBe(200);
    expect(
      (await http.post('/v1/webhook/secrets/rotate', { overlapSeconds: 60 }, key)).status,
    ).toBe(200);

    // Submissions: accepted, idempotent, waited for, read; and refused.
    const accepted = await http.post<{ id: string }>('/v1/submissions', submissionBody(), key);
    expect(accepted.status).toBe(202);
    const idempotent = { ...key, headers: { 'idempotency-key': 'order-42' } };
    expect((await http.post('/v1/submissions', submissionBody(), idempotent)).status).toBe(202);
    expect((await http.post('/v1/submissions', submissionBody(), idempotent)).status).toBe(202);
    expect(
      (await http.post('/v1/submissions', submissionBody({ externalId: 'other' }), idempotent))
        .status,
    ).toBe(409);
    expect((await http.post('/v1/submissions?wait=5000', submissionBody(), key)).status).toBe(200);
    const routed = await http.post<{ id: string }>(
      '/v1/submissions?wait=5000',
      submissionBody({ pipeline: 'desk' }),
      key,
    );
    expect(routed.status).toBe(202);
    expect(
      (await http.post('/v1/submissions', submissionBody({ pipeline: 'unknown' }), key)).status,
    ).toBe(404);
    expect((await http.post('/v1/submissions', submissionBody({ output: {} }), key)).status).toBe(
      400,
    );
    expect(
      (
        await http.post('/v1/submissions', undefined, {
          ...key,
          raw: 'x',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await http.post(
          '/v1/submissions',
          submissionBody({ externalId: 'x'.repeat(2_000_000) }),
          key,
        )
      ).status,
    ).toBe(413);
    expect((await http.post('/v1/submissions', submissionBody())).status).toBe(401);
    expect((await http.get(`/v1/submissions/${accepted.body.id}`, key)).status).toBe(200);
    expect((await http.get(`/v1/submissions/${randomUUID()}`, key)).status).toBe(404);
    expect((await http.get('/v1/submissions/not-a-uuid', key)).status).toBe(400);
    expect((await http.delete('/v1/submissions?externalId=nobody', key)).status).toBe(200);
    expect((await http.delete('/v1/submissions', key)).status).toBe(400);

    // Human review over REST: a reviewer claims, holds, gives back, claims again and decides.
    const rita = await http.post<{ accessToken: string }>('/v1/auth/login', {
      email: 'rita@test.local',
      password: 'rita-password-1',
    });
    const reviewer = { token: rita.body.accessToken };
    expect((await http.get('/v1/users', reviewer)).status).toBe(403);
    expect((await http.get('/v1/review/queues', { token: 'not-a-token' })).status).toBe(401);
    type Claim = { task: { task: { id: string; leaseToken: string } } | null };
    const claim = () =>
      expectEventually(async () => {
        const res = await http.post<Claim>('/v1/review/claim', {}, reviewer);
        expect(res.body.task).not.toBeNull();
        return res.body.task!.task;
      });
    expect((await http.get('/v1/review/queues', reviewer)).status).toBe(200);
    let task = await claim();
    const browse = (query: string, as = admin) =>
      http.get(`/v1/review/queues/desk/tasks${query}`, as);
    expect((await browse('?status=claimed&maxPriority=10')).status).toBe(200);
    expect((await browse('?limit=0')).status).toBe(400);
    expect((await browse('', reviewer)).status).toBe(403);
    expect((await http.get('/v1/review/queues/nowhere/tasks', admin)).status).toBe(404);
    expect((await http.get(`/v1/review/tasks/${task.id}`, reviewer)).status).toBe(200);
    expect((await http.get(`/v1/review/tasks/${randomUUID()}`, reviewer)).status).toBe(404);
    expect(
      (
        await http.post(
          `/v1/review/tasks/${task.id}/heartbeat`,
          { leaseToken: task.leaseToken },
          reviewer,
        )
      ).status,
    ).toBe(200);
    expect(
      (await http.post(`/v1/review/tasks/${task.id}/heartbeat`, { leaseToken: 'stale' }, reviewer))
        .status,
    ).toBe(403);
    expect(
      (
        await http.post(
          `/v1/review/tasks/${task.id}/release`,
          { leaseToken: task.leaseToken },
          reviewer,
        )
      ).status,
    ).toBe(200);
    task = await claim();
    expect(
      (
        await http.post(
          `/v1/review/tasks/${task.id}/decide`,
          { leaseToken: task.leaseToken, action: 'maybe' },
          reviewer,
        )
      ).status,
    ).toBe(400);
    // Within the undo window: my decisions, an undo (the task back in hand), the decision again.
    const held = await http.post<{ decisionId: string }>(
      `/v1/review/tasks/${task.id}/decide`,
      { leaseToken: task.leaseToken, action: 'approve' },
      reviewer,
    );
    expect(held.status).toBe(200);
    expect((await http.get('/v1/review/decisions/mine?limit=5', reviewer)).status).toBe(200);
    expect((await http.get('/v1/review/decisions/mine?limit=0', reviewer)).status).toBe(400);
    const undone = await http.post<{ task: { leaseToken: string } }>(
      `/v1/review/decisions/${held.body.decisionId}/undo`,
      {},
      reviewer,
    );
    expect(undone.status).toBe(200);
    expect(
      (await http.post(`/v1/review/decisions/${randomUUID()}/undo`, {}, reviewer)).status,
    ).toBe(404);
    expect(
      (
        await http.post(
          `/v1/review/tasks/${task.id}/decide`,
          { leaseToken: undone.body.task.leaseToken, action: 'approve' },
          reviewer,
        )
      ).status,
    ).toBe(200);
    expect((await http.post<Claim>('/v1/review/claim', {}, reviewer)).body.task).toBeNull();
    // The window ends: the decision is final (the datasets below take the decided item).
    await expectEventually(async () => {
      const [row] = await arbiter.db.query(`SELECT status FROM review_tasks WHERE id = $1`, [
        task.id,
      ]);
      expect(row.status).toBe('decided');
    }, 20_000);

    // Prompts: versions, labels, diff, split, quality, history, resolve.
    const greeting = {
      template: {
        defaultLanguage: 'en',
        variants: { en: [{ role: 'user', content: 'Hello {{name}}' }] },
      },
      variables: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      labels: ['production'],
    };
    expect((await http.put('/v1/prompts/greeting', greeting, admin)).status).toBe(200);
    expect(
      (await http.put('/v1/prompts/greeting', { ...greeting, notes: 'v2', labels: [] }, admin))
        .status,
    ).toBe(200);
    expect((await http.put('/v1/prompts/greeting', { template: 1 }, admin)).status).toBe(400);
    expect((await http.get('/v1/prompts', admin)).status).toBe(200);
    expect((await http.get('/v1/prompts/greeting', admin)).status).toBe(200);
    expect((await http.get('/v1/prompts/nothing-here', admin)).status).toBe(404);
    expect((await http.get('/v1/prompts/greeting/versions/2', admin)).status).toBe(200);
    expect((await http.get('/v1/prompts/greeting/versions/9', admin)).status).toBe(404);
    expect((await http.get('/v1/prompts/greeting/diff?from=1&to=2', admin)).status).toBe(200);
    expect(
      (await http.put('/v1/prompts/greeting/labels/staging', { version: 2 }, admin)).status,
    ).toBe(200);
    expect(
      (await http.put('/v1/prompts/greeting/labels/staging', { versionId: randomUUID() }, admin))
        .status,
    ).toBe(404);
    const promptSplit = { a: 'production', b: 'staging', percent: 10 };
    expect((await http.put('/v1/prompts/greeting/split', promptSplit, admin)).status).toBe(200);
    expect((await http.get('/v1/prompts/greeting/quality', admin)).status).toBe(200);
    expect((await http.get('/v1/prompts/greeting/history', admin)).status).toBe(200);
    const resolveBody = { variables: { name: 'Ana' }, unit: 'u1' };
    expect((await http.post('/v1/prompts/greeting/resolve', resolveBody, key)).status).toBe(200);
    expect((await http.post('/v1/prompts/greeting/resolve', { variables: {} }, key)).status).toBe(
      400,
    );
    expect((await http.post('/v1/prompts/nothing-here/resolve', resolveBody, key)).status).toBe(
      404,
    );

    // Datasets from the decided item, its export, and a run of uploaded candidates.
    const [{ id: bootstrapClient }] = await arbiter.db.query(
      `SELECT client_id AS id FROM submissions WHERE id = $1`,
      [routed.body.id],
    );
    const datasetBody = {
      pipeline: 'desk',
      client: bootstrapClient,
      name: 'golden',
      prompt: 'greeting',
    };
    const dataset = await http.post<{ id: string }>('/v1/datasets', datasetBody, admin);
    expect(dataset.status).toBe(201);
    expect((await http.post('/v1/datasets', datasetBody, admin)).status).toBe(409);
    const ds = `/v1/datasets/${dataset.body.id}`;
    expect((await http.get('/v1/datasets?pipeline=desk', admin)).status).toBe(200);
    expect((await http.get(ds, admin)).status).toBe(200);
    expect((await http.get(`/v1/datasets/${randomUUID()}`, admin)).status).toBe(404);
    const itemsBody = { submissionIds: [routed.body.id] };
    expect((await http.post(`${ds}/items`, itemsBody, admin)).status).toBe(200);
    const notHuman = { submissionIds: [accepted.body.id] };
    expect((await http.post(`${ds}/items`, notHuman, admin)).status).toBe(422);
    const items = await http.get<{ items: { id: string }[] }>(`${ds}/items`, admin);
    expect(items.status).toBe(200);
    expect((await http.post(`${ds}/collect`, undefined, admin)).status).toBe(200);
    expect((await http.get(`${ds}/export`, admin)).status).toBe(200);
    const item = `${ds}/items/${items.body.items[0].id}`;
    expect((await http.request('DELETE', item, undefined, admin)).status).toBe(204);
    expect((await http.request('DELETE', item, undefined, admin)).status).toBe(404);
    expect((await http.post(`${ds}/items`, itemsBody, admin)).status).toBe(200);
    const candidates = [{ itemId: items.body.items[0].id, text: 'Hello Ana' }];
    const run = await http.post<{ id: string }>(`${ds}/runs`, { candidates }, admin);
    expect(run.status).toBe(202);
    const strangers = [{ itemId: randomUUID(), text: 'x' }];
    expect((await http.post(`${ds}/runs`, { candidates: strangers }, admin)).status).toBe(400);
    expect((await http.get(`${ds}/runs`, admin)).status).toBe(200);
    expect((await http.get(`${ds}/runs/${run.body.id}`, admin)).status).toBe(200);
    expect((await http.get(`${ds}/runs/${randomUUID()}`, admin)).status).toBe(404);

    // A shadow policy version beside the active one.
    const candidate = await http.put<{ version: number }>(
      '/v1/pipelines/desk?activate=false',
      { pipeline: 'desk', ...human, thresholds: { autoApprove: 0.99, aiReview: 0.5 } },
      admin,
    );
    const shadowVersion = { version: candidate.body.version };
    expect((await http.put('/v1/pipelines/desk/shadow', shadowVersion, admin)).status).toBe(200);
    expect((await http.put('/v1/pipelines/desk/shadow', { version: 99 }, admin)).status).toBe(422);
    expect((await http.get('/v1/pipelines/desk/shadow', admin)).status).toBe(200);
    expect(
      (await http.request('DELETE', '/v1/pipelines/desk/shadow', undefined, admin)).status,
    ).toBe(204);
    expect(
      (await http.request('DELETE', '/v1/pipelines/desk/shadow', undefined, admin)).status,
    ).toBe(404);

    // Outcomes: the feed, dead letters (mine and everyone's).
    const feed = await expectEventually(async () => {
      const res = await http.get<{ events: unknown[] }>('/v1/events?after=0&limit=50', key);
      expect(res.body.events.length).toBeGreaterThanOrEqual(3);
      return res;
    });
    expect(feed.status).toBe(200);
    expect((await http.get('/v1/events?limit=0', key)).status).toBe(400);
    // A receiver that keeps failing: the event is dead-lettered after the (short) retry horizon.
    receiver.respond = ({ path }) => ({ status: path === '/gone' ? 503 : 204 });
    expect(
      (
        await http.post(
          '/v1/submissions',
          submissionBody({ callbackUrl: receiver.url('/gone') }),
          key,
        )
      ).status,
    ).toBe(202);
    const deadLetter = async () =>
      expectEventually(async () => {
        const res = await http.get<{ id: string }[]>('/v1/dead-letters', key);
        expect(res.status).toBe(200);
        expect(res.body.length).toBe(1);
        return res.body[0].id;
      });
    expect(
      (await http.post(`/v1/dead-letters/${await deadLetter()}/replay`, undefined, key)).status,
    ).toBe(200);
    expect(
      (await http.post(`/v1/admin/dead-letters/${await deadLetter()}/replay`, undefined, admin))
        .status,
    ).toBe(200);
    expect((await http.post('/v1/dead-letters/replay', undefined, key)).status).toBe(200);
    expect(
      (await http.post(`/v1/dead-letters/${randomUUID()}/replay`, undefined, key)).status,
    ).toBe(404);
    expect((await http.get('/v1/admin/dead-letters', admin)).status).toBe(200);
    expect((await http.post('/v1/admin/dead-letters/replay', {}, admin)).status).toBe(200);
    expect(
      (await http.post(`/v1/admin/dead-letters/${randomUUID()}/replay`, undefined, admin)).status,
    ).toBe(404);

    // Stats, each figure and both export formats.
    for (const figure of [
      'backlog',
      'sla',
      'forecast',
      'throughput',
      'automation',
      'reviewers',
      'versions',
    ]) {
      expect([figure, (await http.get(`/v1/stats/${figure}`, admin)).status]).toEqual([
        figure,
        200,
      ]);
    }
    expect((await http.get('/v1/stats/throughput?from=yesterday', admin)).status).toBe(400);
    expect((await http.get('/v1/stats/export?format=csv', admin)).status).toBe(200);
    expect((await http.get('/v1/stats/export?format=json&kind=decisions', admin)).status).toBe(200);
    expect((await http.get('/v1/stats/export?format=json&kind=reviewers', admin)).status).toBe(200);

    // The audit log of the calls above, and its export.
    expect((await http.get('/v1/audit?action=pipeline.&limit=5', admin)).status).toBe(200);
    expect((await http.get('/v1/audit?from=yesterday', admin)).status).toBe(400);
    expect((await http.get('/v1/audit/export?action=user.create', admin)).status).toBe(200);
    // A call in flight (announced, not answered), so that a pending item is checked too.
    const audit = arbiter.api.get(AuditLog);
    const inFlight = await audit.announce({
      actor: { id: null, role: 'admin' },
      action: 'client.quota',
      target: { kind: 'client', id: null },
      request: { body: { requestsPerSecond: 5 } },
    });
    const pending = await http.get<{ pending: unknown[] }>(
      '/v1/audit/pending?action=client.&limit=5',
      admin,
    );
    expect([pending.status, pending.body.pending.length]).toEqual([200, 1]);
    // The export with the calls in flight: the call's line is there, marked pending.
    const withPending = await http.get<string>(
      '/v1/audit/export?action=client.&includePending=true',
      admin,
    );
    expect([withPending.status, JSON.stringify(withPending.body)]).toEqual([
      200,
      expect.stringContaining(inFlight),
    ]);
    expect((await http.get('/v1/audit/export?includePending=yes', admin)).status).toBe(400);
    await audit.withdraw(inFlight);
    expect((await http.get('/v1/audit/pending?cursor=abc', admin)).status).toBe(400);

    // Single sign-on: the login page's settings, the way to the provider and back (redirects,
    // checked by hand: the client would follow them), and the one-time code's session.
    expect((await http.get('/v1/auth/config')).status).toBe(200);
    const browser = new CookieBrowser();
    const redirected = async (path: string) => {
      const res = await browser.get(`${arbiter.http.baseUrl}${path}`);
      const text = await res.text();
      const body: unknown = res.headers.get('content-type')?.includes('json')
        ? JSON.parse(text)
        : text;
      contract.check('GET', path, { status: res.status, body, headers: res.headers });
      return res;
    };
    await redirected('/v1/auth/oidc/start');
    const { callback } = await throughProvider(browser, arbiter.http.baseUrl, SSO_REDIRECT, 'sam');
    const back = await redirected(`${callback.pathname}${callback.search}`);
    const code = new URL(back.headers.get('location') as string).hash.replace('#sso=', '');
    expect((await http.post('/v1/auth/oidc/exchange', { code })).status).toBe(200);
    expect((await http.post('/v1/auth/oidc/exchange', { code })).status).toBe(401);
    const replayed = await redirected(`${callback.pathname}${callback.search}`);
    expect(replayed.status).toBe(401);
    // The provider's back-channel logout: a form-encoded logout token, and a refused one.
    const backchannel = async (logoutToken: string) => {
      const path = '/v1/auth/oidc/backchannel-logout';
      const res = await fetch(`${arbiter.http.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: logoutToken }).toString(),
      });
      const text = await res.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      contract.check('POST', path, { status: res.status, body, headers: res.headers });
      return res.status;
    };
    expect(await backchannel(await provider.logoutToken({ sub: 'sam' }))).toBe(200);
    expect(await backchannel(await provider.logoutToken({ sub: 'sam', nonce: 'n' }))).toBe(400);

    expect(contract.failures).toEqual([]);
    // Every documented operation was called and answered one of its documented successes.
    const succeeded = new Set(
      contract.checked.filter((c) => c.status < 400).map((c) => c.operationId),
    );
    const all = Object.values(contract.document.paths).flatMap((item) =>
      Object.values(item).map((op) => op.operationId ?? ''),
    );
    expect(all.filter((id) => !succeeded.has(id))).toEqual([]);
  });
});
