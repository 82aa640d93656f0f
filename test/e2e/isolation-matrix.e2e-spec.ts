import { expectEventually, TEST_ADMIN } from '@arbiter/testing';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { supportPrompt } from '../support/prompt-fixtures';
import {
  Caller,
  CALLERS,
  expectedHandshake,
  expectedStatus,
  MATRIX_PROMPT,
  MatrixData,
  OTHER_WORKSPACE,
  ROUTE_CASES,
  SHADOWED_PIPELINE,
  SOCKET_CASES,
} from '../support/isolation-cases';
import { LogCapture } from '../support/log-capture';
import { routeCatalog } from '../support/route-catalog';

interface Answer {
  caller: Caller;
  route: string;
  status: number;
  text: string;
  /** The body the caller sent (an id it sent, echoed in a refusal, is no leak). */
  sent: string;
}

const PASSWORD = 'matrix-pass-1';

/**
 * Every route and socket event of the running app × every kind of caller: each gets exactly the
 * answer it should (401 without a valid credential, 403 below the role, 404 for another client's,
 * another queue's or another workspace's data, the same 404 as for an id that does not exist),
 * and no secret appears in any answer or log line. The matrix's data is of the default
 * workspace; the admin and a client of workspace `other` pass every role check and reach none of it.
 */
describe('isolation matrix: every route and socket event × every kind of caller', () => {
  const logs = new LogCapture();
  let arbiter: ArbiterHarness;
  const tokens: Partial<Record<Caller, string>> = {};
  const refreshTokens: string[] = [];
  const answers: Answer[] = [];
  let data: MatrixData;
  let approvedId: string;
  let clientAId: string;

  async function login(email: string): Promise<string> {
    const res = await arbiter.http.post<{ accessToken: string; refreshToken: string }>(
      '/v1/auth/login',
      { email, password: PASSWORD },
    );
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
    refreshTokens.push(res.body.refreshToken);
    return res.body.accessToken;
  }

  async function person(
    email: string,
    role: string,
    queues: string[],
    workspace?: string,
  ): Promise<{ id: string; token: string }> {
    const created = await arbiter.http.post<{ id: string }>(
      '/v1/users',
      { email, password: PASSWORD, role, queues },
      {
        token: await arbiter.adminAccessToken(),
        headers: workspace ? { 'x-arbiter-workspace': workspace } : {},
      },
    );
    if (created.status !== 201)
      throw new Error(`user ${email}: ${created.status} ${JSON.stringify(created.body)}`);
    return { id: created.body.id, token: await login(email) };
  }

  beforeAll(async () => {
    logs.start();
    arbiter = await ArbiterHarness.start({ config: { logLevel: 'debug' } });
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    await arbiter.putPolicy('auto', policy());
    await arbiter.putPolicy(
      'billing',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'billing', priority: 5, sla: '30m' } }),
    );
    const admin = await arbiter.http.post<{ accessToken: string; refreshToken: string }>(
      '/v1/auth/login',
      TEST_ADMIN,
    );
    refreshTokens.push(admin.body.refreshToken);
    tokens.admin = admin.body.accessToken;
    tokens.client = arbiter.bootstrapKey;
    tokens.otherClient = await arbiter.createClient('other-client');
    tokens.reviewer = (await person('reviewer@matrix.local', 'reviewer', ['support'])).token;
    tokens.otherQueueReviewer = (
      await person('billing@matrix.local', 'reviewer', ['billing'])
    ).token;
    tokens.lead = (await person('lead@matrix.local', 'lead', ['support'])).token;
    // A disabled admin: its refusal can only come from the disabling, not from its role.
    const disabled = await person('disabled@matrix.local', 'admin', ['support']);
    tokens.disabled = disabled.token;
    expect(
      (await arbiter.http.post(`/v1/users/${disabled.id}/disable`, {}, { token: tokens.admin }))
        .status,
    ).toBe(200);
    await expectEventually(
      async () =>
        expect((await arbiter.http.get('/v1/users', { token: disabled.token })).status).toBe(401),
      10_000,
      200,
    );

    const throwaway = await person('throwaway@matrix.local', 'reviewer', ['support']);
    const member = await person('member@matrix.local', 'reviewer', []);
    // Workspace `other`: its own admin, and a client with a key, made by the platform admin.
    expect(
      (
        await arbiter.http.post(
          '/v1/workspaces',
          { key: 'other', name: 'Other' },
          { token: tokens.admin },
        )
      ).status,
    ).toBe(201);
    const inOther = { token: tokens.admin, headers: { 'x-arbiter-workspace': 'other' } };
    tokens.otherWorkspaceAdmin = (
      await person('admin@other.local', 'admin', ['other-desk'], 'other')
    ).token;
    const otherWorkspaceClient = await arbiter.http.post<{ id: string }>(
      '/v1/clients',
      { name: 'other-workspace-client' },
      inOther,
    );
    tokens.otherWorkspaceClient = (
      await arbiter.http.post<{ key: string }>(
        '/v1/api-keys',
        { clientId: otherWorkspaceClient.body.id, name: 'other' },
        inOther,
      )
    ).body.key;
    const others = await arbiter.db.query(`SELECT id FROM clients WHERE name = 'other-client'`);
    const key = await arbiter.http.post<{ id: string }>(
      '/v1/api-keys',
      { clientId: others[0].id, name: 'throwaway' },
      { token: tokens.admin },
    );
    const held = await arbiter.http.post<{ id: string }>('/v1/submissions', submissionBody(), {
      token: tokens.client,
    });
    const approved = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline: 'auto' }),
      { token: tokens.client },
    );
    approvedId = approved.body.id;
    const taskId = await expectEventually(
      async () => {
        const rows = await arbiter.db.query(
          `SELECT id FROM review_tasks WHERE submission_id = $1`,
          [held.body.id],
        );
        expect(rows).toHaveLength(1);
        return rows[0].id as string;
      },
      20_000,
      100,
    );
    await expectEventually(
      async () => {
        const res = await arbiter.http.get<{ status: string }>(`/v1/submissions/${approvedId}`, {
          token: tokens.client,
        });
        expect(res.body.status).toBe('approved');
      },
      20_000,
      100,
    );
    clientAId = (
      await arbiter.db.query(`SELECT client_id FROM submissions WHERE id = $1`, [held.body.id])
    )[0].client_id;
    // What the prompt, dataset and shadow routes act on: a prompt, a dataset of client A's, and
    // a second (inactive) version of a pipeline compared in shadow.
    const asAdmin = { token: tokens.admin };
    const prompt = await arbiter.http.put(
      `/v1/prompts/${MATRIX_PROMPT}`,
      supportPrompt({ labels: ['production'] }),
      asAdmin,
    );
    expect(prompt.status).toBe(200);
    const dataset = await arbiter.http.post<{ id: string }>(
      '/v1/datasets',
      { pipeline: 'support', client: clientAId, name: 'matrix' },
      asAdmin,
    );
    expect(dataset.status).toBe(201);
    // Different content, so a new (inactive) version rather than the active one again.
    const shadowVersion = await arbiter.putPolicy(SHADOWED_PIPELINE, policy(ALWAYS_HUMAN), false);
    const shadow = await arbiter.http.put(
      `/v1/pipelines/${SHADOWED_PIPELINE}/shadow`,
      { version: shadowVersion },
      asAdmin,
    );
    expect([shadow.status, shadow.body]).toEqual([200, expect.anything()]);
    data = {
      clientId: clientAId,
      datasetId: dataset.body.id,
      submissionId: held.body.id,
      taskId,
      throwawayUserId: throwaway.id,
      throwawayKeyId: key.body.id,
      memberUserId: member.id,
      otherClientId: others[0].id,
      unknownId: randomUUID(),
    };
  }, 90_000);

  afterAll(async () => {
    await arbiter?.stop();
    logs.stop();
  });

  async function call(
    caller: Caller,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Answer> {
    const res = await fetch(`${arbiter.http.baseUrl}${path}`, {
      method,
      headers: {
        ...(tokens[caller] ? { authorization: `Bearer ${tokens[caller]}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const headers = JSON.stringify([...res.headers.entries()]);
    const answer = {
      caller,
      route: `${method} ${path}`,
      status: res.status,
      text: `${headers}\n${await res.text()}`,
      sent: body === undefined ? '' : JSON.stringify(body),
    };
    answers.push(answer);
    return answer;
  }

  it('has a case for every registered route, namespace and socket event, and none for a route that is gone', () => {
    const { routes, events, namespaces } = routeCatalog(arbiter.api);
    const names = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(names.filter((name) => !ROUTE_CASES[name])).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((name) => !names.includes(name))).toEqual([]);
    expect(namespaces.sort()).toEqual(['/dashboard', '/review']);
    const eventNames = events.map((e) => `${e.namespace} ${e.event}`).sort();
    expect(eventNames).toEqual(Object.keys(SOCKET_CASES).sort());
  });

  it('every route answers every caller exactly as it should', async () => {
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      for (const { method, path } of routeCatalog(arbiter.api).routes) {
        const route = ROUTE_CASES[`${method} ${path}`];
        let index = 0;
        const params = route.params?.(data) ?? [];
        const url = path.replace(/:\w+/g, () => params[index++]) + (route.query ?? '');
        const answer = await call(caller, method, url, route.body?.(data, caller));
        const expected = expectedStatus(route, caller);
        if (answer.status !== expected)
          wrong.push(
            `${caller} ${method} ${path}: ${answer.status}, expected ${expected} ${answer.text.split('\n')[1].slice(0, 160)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('another client and a reviewer of another queue get the same 404 as for an id that does not exist', async () => {
    const theirs = await call('otherClient', 'GET', `/v1/submissions/${data.submissionId}`);
    const none = await call('otherClient', 'GET', `/v1/submissions/${data.unknownId}`);
    const body = (a: Answer) =>
      a.text.split('\n')[1].replaceAll(data.submissionId, 'ID').replaceAll(data.unknownId, 'ID');
    expect([theirs.status, body(theirs)]).toEqual([none.status, body(none)]);
    const task = await call('otherQueueReviewer', 'GET', `/v1/review/tasks/${data.taskId}`);
    const noTask = await call('otherQueueReviewer', 'GET', `/v1/review/tasks/${data.unknownId}`);
    const taskBody = (a: Answer) =>
      a.text.split('\n')[1].replaceAll(data.taskId, 'ID').replaceAll(data.unknownId, 'ID');
    expect([task.status, taskBody(task)]).toEqual([noTask.status, taskBody(noTask)]);
    // The owner sees its approved submission in its feed; nothing of client A ever reached the other client.
    expect((await call('client', 'GET', '/v1/events')).text).toContain(approvedId);
    const leaked = answers
      .filter((a) => a.caller === 'otherClient')
      .filter((a) =>
        [data.submissionId, approvedId, clientAId].some(
          (id) => a.text.includes(id) && !a.route.includes(id),
        ),
      ); // an id the caller sent, echoed in its 404, is no leak
    expect(leaked.map((a) => a.route)).toEqual([]);
  });

  it('the admin and a client of another workspace get the same 404 as for an id that does not exist, and see nothing of the default workspace', async () => {
    const pairs: [Caller, string, string][] = [
      ['otherWorkspaceClient', 'GET', `/v1/submissions/:x`],
      ['otherWorkspaceAdmin', 'GET', `/v1/review/tasks/:x`],
      ['otherWorkspaceAdmin', 'GET', `/v1/datasets/:x`],
      ['otherWorkspaceAdmin', 'PATCH', `/v1/users/:x`],
    ];
    const targets = [data.submissionId, data.taskId, data.datasetId, data.throwawayUserId];
    for (const [[caller, method, template], target] of pairs.map(
      (p, i) => [p, targets[i]] as const,
    )) {
      const body = method === 'PATCH' ? { role: 'lead' } : undefined;
      const theirs = await call(caller, method, template.replace(':x', target), body);
      const none = await call(caller, method, template.replace(':x', data.unknownId), body);
      const scrub = (a: Answer, id: string) => a.text.split('\n')[1].replaceAll(id, 'ID');
      expect([template, theirs.status, scrub(theirs, target)]).toEqual([
        template,
        404,
        scrub(none, data.unknownId),
      ]);
    }
    // No answer to either (every route and event above) holds an id or a person of the default
    // workspace. The platform admin is no one's data: made by them in `other`, the other
    // workspace's audit log rightly names them as the actor.
    const people: string[] = (
      await arbiter.db.query(`SELECT id, email FROM users WHERE role <> 'admin'`)
    )
      .filter((u: { email: string }) => !u.email.endsWith('@other.local'))
      .flatMap((u: { id: string; email: string }) => [u.id, u.email]);
    const defaults = [
      data.submissionId,
      approvedId,
      clientAId,
      data.taskId,
      data.datasetId,
      data.otherClientId,
      data.throwawayKeyId,
      ...people,
    ];
    const leaked = answers
      .filter((a) => OTHER_WORKSPACE.includes(a.caller))
      .flatMap((a) =>
        defaults
          .filter((id) => a.text.includes(id) && !a.route.includes(id) && !a.sent.includes(id))
          .map((id) => `${a.caller} ${a.route}: ${id}`),
      );
    expect(leaked).toEqual([]);
    expect(answers.filter((a) => OTHER_WORKSPACE.includes(a.caller)).length).toBeGreaterThan(150);
  });

  it('every socket namespace and event answers every caller exactly as it should', async () => {
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      for (const namespace of ['/review', '/dashboard']) {
        const socket = io(`${arbiter.http.baseUrl}${namespace}`, {
          auth: tokens[caller] ? { token: tokens[caller] } : {},
          transports: ['websocket'],
          reconnection: false,
        });
        const outcome = await new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', (error) => resolve(error.message.split(':')[0]));
        });
        const expected = expectedHandshake(namespace, caller);
        if (outcome !== expected)
          wrong.push(`${caller} ${namespace} connect: ${outcome}, expected ${expected}`);
        if (outcome === 'connected' && namespace === '/review') {
          for (const [name, spec] of Object.entries(SOCKET_CASES)) {
            const ack = (await socket
              .timeout(10_000)
              .emitWithAck(name.split(' ')[1], spec.payload(data))) as {
              ok: boolean;
              task?: { task: { queue: string } } | null;
              error?: { status: number };
            };
            answers.push({
              caller,
              route: name,
              status: ack.error?.status ?? 200,
              text: JSON.stringify(ack),
              sent: JSON.stringify(spec.payload(data)),
            });
            const want =
              caller === 'otherQueueReviewer' || caller === 'otherWorkspaceAdmin'
                ? spec.foreign
                : spec.ok;
            const got = ack.ok ? 'ok' : ack.error?.status;
            if (got !== want)
              wrong.push(
                `${caller} ${name}: ${JSON.stringify(ack).slice(0, 160)}, expected ${want}`,
              );
            if (caller === 'otherQueueReviewer' && ack.task && ack.task.task.queue !== 'billing')
              wrong.push(`${caller} ${name}: got a ${ack.task.task.queue} task`);
            if (caller === 'otherWorkspaceAdmin' && ack.task)
              wrong.push(`${caller} ${name}: got a ${ack.task.task.queue} task`);
          }
        }
        socket.close();
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('no secret is in any answer or log line: key and password hashes nowhere, the rest only where issued', async () => {
    const hashes: string[] = [
      ...(await arbiter.db.query(`SELECT key_hash AS v FROM api_keys`)),
      ...(await arbiter.db.query(`SELECT password_hash AS v FROM users`)),
    ].map((row: { v: string }) => row.v);
    const webhookSecrets: { v: string; client_id: string }[] = await arbiter.db.query(
      `SELECT secret AS v, client_id FROM webhook_secrets`,
    );
    expect(hashes.length).toBeGreaterThan(8);
    expect(webhookSecrets.length).toBeGreaterThan(0);
    const bearer = Object.values(tokens);
    const [{ id: otherWorkspaceClientId }] = await arbiter.db.query(
      `SELECT id FROM clients WHERE name = 'other-workspace-client'`,
    );
    const clientOf: Partial<Record<Caller, string>> = {
      client: clientAId,
      otherClient: data.otherClientId,
      otherWorkspaceClient: otherWorkspaceClientId,
    };
    // Shown to their owner only: a refresh token in its login, a signing secret in its own client's webhook view.
    const issuedTo = (a: Answer, secret: string): boolean =>
      (a.route.startsWith('POST /v1/auth/') && refreshTokens.includes(secret)) ||
      (a.route.includes('/v1/webhook') &&
        webhookSecrets.some((s) => s.v === secret && s.client_id === clientOf[a.caller]));
    const found: string[] = [];
    for (const a of answers) {
      for (const secret of [...hashes, ...refreshTokens, ...webhookSecrets.map((s) => s.v)]) {
        if (a.text.includes(secret) && !issuedTo(a, secret))
          found.push(`${a.caller} ${a.route}: ${secret.slice(0, 12)}…`);
      }
    }
    for (const line of logs.lines) {
      for (const secret of [
        ...hashes,
        ...refreshTokens,
        ...webhookSecrets.map((s) => s.v),
        ...bearer,
      ]) {
        if (secret && line.includes(secret)) found.push(`log: ${line.slice(0, 160)}`);
      }
    }
    expect(found).toEqual([]);
    // The capture saw the requests (debug level logs each one): an empty capture proves nothing.
    expect(logs.lines.filter((line) => line.includes('"url":"/v1/')).length).toBeGreaterThan(100);
  });
});
