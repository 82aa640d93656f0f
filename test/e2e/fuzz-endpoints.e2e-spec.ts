import fc from 'fast-check';
import { io } from 'socket.io-client';
import { ArbiterHarness } from '../support/arbiter.harness';
import {
  FuzzCaller,
  FuzzRequest,
  reachedHandler,
  requestOf,
  wellFormedRequest,
} from '../support/fuzz-requests';
import { seedFuzzData } from '../support/fuzz-seed';
import { hostileJson, hostileText, mutationOf } from '../support/hostile.arbitraries';
import { MatrixData } from '../support/isolation-cases';
import { ReviewerClient } from '../support/reviewer.client';
import { HttpRoute, routeCatalog } from '../support/route-catalog';

/**
 * Every public endpoint and socket event, enumerated from the running app, gets random and
 * hostile input (wrong types, prototype keys, control characters, invalid Unicode, huge and
 * deep bodies, wrong content types, every kind of caller). The answer must be a 2xx–4xx: never
 * a 5xx, a crash or a hang. And every route must be reached: its first case is the isolation
 * matrix's well-formed request on seeded data, and the random ones lean towards the seeded ids
 * and the right caller, so hostile values meet the checks behind the guard and the id lookup.
 * CI runs a short pass (40 cases per endpoint); `npm run test:fuzz` runs 10,000
 * (ARBITER_FUZZ_RUNS); ARBITER_FUZZ_ONLY=<regex> fuzzes the routes and events it matches
 * (e.g. "prompts|datasets", "/review decide", "handshake").
 */
const RUNS = Number(process.env.ARBITER_FUZZ_RUNS ?? 40);
const ONLY = new RegExp(process.env.ARBITER_FUZZ_ONLY ?? '');
const REQUEST_TIMEOUT_MS = 15_000;

describe('fuzzing every endpoint and socket event: never a 5xx, a crash or a hang', () => {
  let arbiter: ArbiterHarness;
  let data: MatrixData;
  const tokens: Partial<Record<FuzzCaller, string>> = {};
  let reviewer: ReviewerClient;
  const statuses = new Map<number, number>();
  const slowest: { route: string; msPerCase: number }[] = [];
  const reached = new Set<string>();

  beforeAll(async () => {
    // The worker routes the seeded submission to review, then stops: the fuzz's thousands of
    // accepted submissions wait in their queue instead of loading the machine.
    // Tokens that outlive a 10,000-case run (the default 15 minutes would end it in 401s).
    arbiter = await ArbiterHarness.start({ config: { accessTokenTtlSeconds: 86_400 } });
    data = await seedFuzzData(arbiter);
    await arbiter.worker?.close();
    arbiter.worker = undefined;
    reviewer = await ReviewerClient.create(arbiter, 'fuzz-reviewer@example.com', ['support']);
    const lead = await ReviewerClient.create(arbiter, 'fuzz-lead@example.com', ['support'], 'lead');
    lead.socket.close();
    tokens.admin = await arbiter.adminAccessToken();
    tokens.lead = lead.token;
    tokens.reviewer = reviewer.token;
    tokens.apiKey = arbiter.bootstrapKey;
    tokens.garbage = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.';
  }, 90_000);

  afterAll(async () => {
    reviewer?.socket.close();
    await arbiter?.stop();
    // A record of what the answers were, for whoever reads the CI log.
    const top = slowest.sort((a, b) => b.msPerCase - a.msPerCase).slice(0, 5);
    console.log(
      `fuzz: ${RUNS} runs per endpoint, ${slowest.length} routes, ${reached.size} reached, statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${JSON.stringify(top)}`,
    );
  });

  const selectedRoutes = () =>
    routeCatalog(arbiter.api).routes.filter((r) => ONLY.test(`${r.method} ${r.path}`));

  /** A refusal is JSON that names the problem, whatever the route answers when it succeeds. */
  function expectClearRefusal(route: HttpRoute, response: Response, text: string): void {
    const where = `${route.method} ${route.path} answered ${response.status}`;
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/(problem\+)?json/.test(type))
      throw new Error(`${where} as "${type}": ${text.slice(0, 200)}`);
    const message = (JSON.parse(text) as { message?: unknown }).message;
    const named = Array.isArray(message) ? message.length > 0 : typeof message === 'string';
    if (!named || !String(message).trim()) throw new Error(`${where} with no message: ${text}`);
  }

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
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 400) expectClearRefusal(route, response, text);
    if (reachedHandler(route, response.status)) reached.add(`${route.method} ${route.path}`);
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

  it('every HTTP route answers random and hostile requests with a 2xx–4xx, each refusal JSON with a message, and each route is reached past its guard', async () => {
    // Login last: its throttle would otherwise lock the callers' own accounts out.
    const routes = selectedRoutes().sort(
      (a, b) => Number(a.path === '/v1/auth/login') - Number(b.path === '/v1/auth/login'),
    );
    expect(routes.length).toBeGreaterThan(0);
    const before = process.memoryUsage().rss;
    for (const route of routes) {
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(requestOf(route, data), async (request) => {
          const status = await send(route, request);
          if (status >= 500) throw new Error(`${route.method} ${route.path} answered ${status}`);
        }),
        { numRuns: RUNS, endOnFailure: true, examples: [[wellFormedRequest(route, data)]] },
      );
      const msPerCase = Math.round(((performance.now() - started) / RUNS) * 10) / 10;
      slowest.push({ route: `${route.method} ${route.path}`, msPerCase });
    }
    // A route only ever refused at its guard or its id lookup was not fuzzed where it matters.
    const unreached = routes.map((r) => `${r.method} ${r.path}`).filter((r) => !reached.has(r));
    expect(unreached).toEqual([]);
    // Memory stays bounded: what the requests allocated is garbage, not growth without end.
    expect(process.memoryUsage().rss - before).toBeLessThan(768 * 1024 * 1024);
  }, 3_600_000);

  it('every socket event answers hostile payloads with an ack, never a 5xx or a dropped socket', async () => {
    const { events } = routeCatalog(arbiter.api);
    const selected = events.filter((e) => e.namespace === '/review');
    for (const { event } of selected.filter((e) => ONLY.test(`${e.namespace} ${e.event}`))) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constant(undefined),
            hostileJson,
            mutationOf({
              taskId: data.taskId,
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

  const handshakes = ONLY.test('/review handshake') ? it : it.skip;
  handshakes(
    'a socket handshake with a hostile token is refused, and the server carries on',
    async () => {
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
    },
    600_000,
  );
});
