import fc from 'fast-check';
import { io } from 'socket.io-client';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import {
  CONTENT_TYPES,
  hostileJson,
  hostileText,
  mutationOf,
  pathParam,
  queryString,
  RAW_BODIES,
} from '../support/hostile.arbitraries';
import { ReviewerClient } from '../support/reviewer.client';
import { HttpRoute, routeCatalog } from '../support/route-catalog';

/**
 * Every public endpoint and socket event, enumerated from the running app, gets random and
 * hostile input (wrong types, prototype keys, control characters, invalid Unicode, huge and
 * deep bodies, wrong content types, every kind of caller). The answer must be a 2xx–4xx: never
 * a 5xx, a crash or a hang. CI runs a short pass; `npm run test:fuzz` runs 10,000 cases per
 * endpoint (ARBITER_FUZZ_RUNS).
 */
const RUNS = Number(process.env.ARBITER_FUZZ_RUNS ?? 40);
const REQUEST_TIMEOUT_MS = 15_000;

/** A valid body per route, so mutations reach the checks behind the first validation layer. */
const SEEDS: Record<string, unknown> = {
  'POST /v1/submissions': submissionBody(),
  'POST /v1/auth/login': { email: 'nobody@example.com', password: 'not-the-password' },
  'POST /v1/auth/refresh': { refreshToken: 'x.y.z' },
  'POST /v1/auth/logout': { refreshToken: 'x.y.z' },
  'POST /v1/users': {
    email: 'fuzz@example.com',
    password: 'fuzz-password-1',
    role: 'reviewer',
    queues: ['support'],
  },
  'PATCH /v1/users/:id': { role: 'lead' },
  'PUT /v1/pipelines/:key': { pipeline: 'support', ...policy() },
  'POST /v1/pipelines/:key/split': { version: 1, percent: 50 },
  'POST /v1/review/claim': { queues: ['support'] },
  'POST /v1/review/tasks/:id/heartbeat': { leaseToken: '00000000-0000-0000-0000-000000000000' },
  'POST /v1/review/tasks/:id/release': { leaseToken: '00000000-0000-0000-0000-000000000000' },
  'POST /v1/review/tasks/:id/decide': {
    leaseToken: '00000000-0000-0000-0000-000000000000',
    action: 'approve',
  },
  'POST /v1/clients': { name: 'fuzz-client', allowedPipelines: ['support'] },
  'PUT /v1/clients/:id/quota': { requestsPerSecond: 50 },
  'POST /v1/api-keys': { clientId: '00000000-0000-0000-0000-000000000000', name: 'fuzz' },
};

type Caller = 'none' | 'apiKey' | 'admin' | 'lead' | 'reviewer' | 'garbage';
const CALLERS: Caller[] = ['none', 'apiKey', 'admin', 'lead', 'reviewer', 'garbage'];

interface FuzzRequest {
  caller: Caller;
  params: string[];
  query: string;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
  contentType: string;
}

describe('fuzzing every endpoint and socket event: never a 5xx, a crash or a hang', () => {
  let arbiter: ArbiterHarness;
  const tokens: Partial<Record<Caller, string>> = {};
  let reviewer: ReviewerClient;
  const statuses = new Map<number, number>();
  const slowest: { route: string; msPerCase: number }[] = [];

  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
    await arbiter.putPolicy('support', policy());
    reviewer = await ReviewerClient.create(arbiter, 'fuzz-reviewer@example.com', ['support']);
    const lead = await ReviewerClient.create(arbiter, 'fuzz-lead@example.com', ['support'], 'lead');
    lead.socket.close();
    tokens.admin = await arbiter.adminAccessToken();
    tokens.lead = lead.token;
    tokens.reviewer = reviewer.token;
    tokens.apiKey = arbiter.bootstrapKey;
    tokens.garbage = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.';
  }, 60_000);

  afterAll(async () => {
    reviewer?.socket.close();
    await arbiter?.stop();
    // A record of what the answers were, for whoever reads the CI log.
    const top = slowest.sort((a, b) => b.msPerCase - a.msPerCase).slice(0, 5);
    console.log(
      `fuzz: ${RUNS} runs per endpoint, statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${JSON.stringify(top)}`,
    );
  });

  const requestOf = (route: HttpRoute): fc.Arbitrary<FuzzRequest> => {
    const seed = SEEDS[`${route.method} ${route.path}`];
    const params = (route.path.match(/:\w+/g) ?? []).length;
    const json: fc.Arbitrary<FuzzRequest['body']>[] = [
      hostileJson.map((value) => ({ kind: 'json' as const, value })),
    ];
    if (seed !== undefined) {
      json.push(fc.constant({ kind: 'json' as const, value: seed }));
      json.push(mutationOf(seed).map((value) => ({ kind: 'json' as const, value })));
    }
    return fc.record({
      caller: fc.constantFrom(...CALLERS),
      params: fc.array(pathParam, { minLength: params, maxLength: params }),
      query: queryString,
      body: fc.oneof(
        fc.constant({ kind: 'none' as const }),
        ...json,
        fc.constantFrom(...RAW_BODIES).map((text) => ({ kind: 'raw' as const, text })),
      ),
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 5 },
        { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 },
      ),
    });
  };

  async function send(route: HttpRoute, request: FuzzRequest): Promise<number> {
    let index = 0;
    const path = route.path.replace(/:\w+/g, () => request.params[index++]);
    const headers: Record<string, string> = {};
    const token = tokens[request.caller];
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (request.body.kind !== 'none' && route.method !== 'GET') {
      body = request.body.kind === 'raw' ? request.body.text : JSON.stringify(request.body.value);
      headers['content-type'] = request.contentType;
    }
    const response = await fetch(`${arbiter.http.baseUrl}${path}${request.query}`, {
      method: route.method,
      headers,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return response.status;
  }

  it('the catalog holds every controller route and socket event of the running app', () => {
    const { routes, events } = routeCatalog(arbiter.api);
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /v1/submissions',
        'POST /v1/review/tasks/:id/decide',
        'GET /health',
      ]),
    );
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(events.map((e) => `${e.namespace} ${e.event}`)).toEqual(
      expect.arrayContaining(['/review claim', '/review decide']),
    );
  });

  it('every HTTP route answers random and hostile requests with a 2xx–4xx', async () => {
    // Login last: its throttle would otherwise lock the callers' own accounts out.
    const routes = routeCatalog(arbiter.api).routes.sort(
      (a, b) => Number(a.path === '/v1/auth/login') - Number(b.path === '/v1/auth/login'),
    );
    const before = process.memoryUsage().rss;
    for (const route of routes) {
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(requestOf(route), async (request) => {
          const status = await send(route, request);
          if (status >= 500) throw new Error(`${route.method} ${route.path} answered ${status}`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      const msPerCase = Math.round(((performance.now() - started) / RUNS) * 10) / 10;
      slowest.push({ route: `${route.method} ${route.path}`, msPerCase });
    }
    // Memory stays bounded: what the requests allocated is garbage, not growth without end.
    expect(process.memoryUsage().rss - before).toBeLessThan(768 * 1024 * 1024);
  }, 3_600_000);

  it('every socket event answers hostile payloads with an ack, never a 5xx or a dropped socket', async () => {
    const { events } = routeCatalog(arbiter.api);
    for (const { event } of events.filter((e) => e.namespace === '/review')) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constant(undefined),
            hostileJson,
            mutationOf({
              taskId: '00000000-0000-0000-0000-000000000000',
              leaseToken: 'x',
              action: 'approve',
              queues: ['support'],
            }),
          ),
          async (payload) => {
            const ack = (await reviewer.socket
              .timeout(REQUEST_TIMEOUT_MS)
              .emitWithAck(event, payload)) as {
              ok: boolean;
              error?: { status: number };
            };
            expect(typeof ack.ok).toBe('boolean');
            if (!ack.ok) expect(ack.error?.status).toBeLessThan(500);
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(reviewer.socket.connected).toBe(true);
    }
  }, 3_600_000);

  it('a socket handshake with a hostile token is refused, and the server carries on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, hostileJson), async (token) => {
        const socket = io(`${arbiter.http.baseUrl}/review`, {
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
        });
        const outcome = await new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', (error) => resolve(error.message));
        });
        socket.close();
        expect(outcome).toMatch(/^unauthorized/);
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
    const health = await arbiter.http.get('/health');
    expect(health.status).toBe(200);
  }, 600_000);
});
