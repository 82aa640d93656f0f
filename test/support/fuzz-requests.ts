import fc from 'fast-check';
import { submissionBody } from './fixtures';
import {
  CONTENT_TYPES,
  hostileJson,
  mutationOf,
  pathParam,
  queryString,
  RAW_BODIES,
} from './hostile.arbitraries';
import { Caller, MatrixData, ROUTE_CASES, RouteCase } from './isolation-cases';
import { supportPrompt } from './prompt-fixtures';
import { HttpRoute } from './route-catalog';

export type FuzzCaller = 'none' | 'apiKey' | 'admin' | 'lead' | 'reviewer' | 'garbage';
export const FUZZ_CALLERS: FuzzCaller[] = [
  'none',
  'apiKey',
  'admin',
  'lead',
  'reviewer',
  'garbage',
];

export interface FuzzRequest {
  caller: FuzzCaller;
  params: string[];
  query: string;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
  contentType: string;
}

/** The caller a route's guard lets through, and the isolation matrix's name for it. */
const PASSING: Record<RouteCase['access'], { fuzz: FuzzCaller; matrix: Caller }> = {
  public: { fuzz: 'none', matrix: 'none' },
  client: { fuzz: 'apiKey', matrix: 'client' },
  reviewer: { fuzz: 'reviewer', matrix: 'reviewer' },
  lead: { fuzz: 'lead', matrix: 'lead' },
  admin: { fuzz: 'admin', matrix: 'admin' },
};

const ZERO = '00000000-0000-0000-0000-000000000000';

/** Fuller valid bodies than the matrix's, where mutating them reaches more checks. */
const EXTRA_SEEDS: Record<string, unknown> = {
  'POST /v1/submissions': submissionBody(),
  'POST /v1/review/claim': { queues: ['support'] },
  'PUT /v1/prompts/:key': supportPrompt({ labels: ['production'] }),
  'POST /v1/prompts/:key/resolve': {
    variables: { customer: 'Ana', question: 'Why?' },
    language: 'ms',
    unit: 'u1',
  },
  'PUT /v1/prompts/:key/labels/:label': { version: 1, reason: 'fuzz' },
  'PUT /v1/prompts/:key/split': { a: 'production', b: '1', percent: 50 },
  'POST /v1/pipelines/:key/split': { version: 1, percent: 50 },
  'POST /v1/datasets/:id/runs': { candidates: [{ itemId: ZERO, text: 'x' }] },
};

const caseOf = (route: HttpRoute): RouteCase | undefined =>
  ROUTE_CASES[`${route.method} ${route.path}`];

/** The matrix's case for the route, sent as the caller its guard lets through: reaches its handler. */
export function wellFormedRequest(route: HttpRoute, data: MatrixData): FuzzRequest {
  const spec = caseOf(route);
  const body = spec?.body?.(data, PASSING[spec.access].matrix);
  return {
    caller: spec ? PASSING[spec.access].fuzz : 'admin',
    params: spec?.params?.(data) ?? [],
    query: spec?.query ?? '',
    body: body === undefined ? { kind: 'none' } : { kind: 'json', value: body },
    contentType: 'application/json',
  };
}

/**
 * Random and hostile requests to one route, weighted towards what passes its guard and finds its
 * data (the seeded ids, the right caller, a valid body mutated in one place), so the deeper
 * checks see hostile input too; and every kind of caller, id, query and raw body besides.
 */
export function requestOf(route: HttpRoute, data: MatrixData): fc.Arbitrary<FuzzRequest> {
  const good = wellFormedRequest(route, data);
  const count = (route.path.match(/:\w+/g) ?? []).length;
  const seeds = [good.body.kind === 'json' ? good.body.value : undefined];
  seeds.push(EXTRA_SEEDS[`${route.method} ${route.path}`]);
  const json: fc.Arbitrary<FuzzRequest['body']>[] = [
    hostileJson.map((value) => ({ kind: 'json' as const, value })),
  ];
  for (const seed of seeds.filter((s) => s !== undefined)) {
    json.push(fc.constant({ kind: 'json' as const, value: seed }));
    json.push(mutationOf(seed).map((value) => ({ kind: 'json' as const, value })));
  }
  return fc.record({
    caller: fc.oneof(
      { arbitrary: fc.constant(good.caller), weight: 2 },
      { arbitrary: fc.constantFrom(...FUZZ_CALLERS), weight: 1 },
    ),
    params: fc.oneof(
      { arbitrary: fc.constant(good.params), weight: count ? 2 : 1 },
      { arbitrary: fc.array(pathParam, { minLength: count, maxLength: count }), weight: 1 },
    ),
    query: fc.oneof(fc.constant(good.query), queryString),
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
}

/**
 * Whether an answer came from past the route's guard and validation: a success, or the answer
 * the isolation matrix expects from its handler (a 404 for an unknown run, a 403 for a lease
 * nobody holds…).
 */
export function reachedHandler(route: HttpRoute, status: number): boolean {
  return (status >= 200 && status < 300) || status === caseOf(route)?.ok;
}
