import { randomUUID } from 'node:crypto';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

type Caller = 'admin' | 'apiKey';
interface Case {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  caller?: Caller;
  /** What the 400 must name. */
  names: RegExp;
}

const DATASET = randomUUID();
const CLIENT = randomUUID();
const VERSION = /version must be an integer from 1 to 1000000000/;

/**
 * Numbers out of range — huge (1e308, past PostgreSQL's int), negative, fractional, NaN-like
 * strings — in every version, percent, limit and page size, in bodies, queries and paths: a 400
 * naming the field, never a 500 from the database refusing the value.
 */
const CASES: Record<string, Case> = {
  'pipeline activate, version 1e308': {
    method: 'POST',
    path: '/v1/pipelines/support/activate',
    body: { version: 1e308 },
    names: VERSION,
  },
  'pipeline activate, version past int': {
    method: 'POST',
    path: '/v1/pipelines/support/activate',
    body: { version: 2 ** 31 },
    names: VERSION,
  },
  'pipeline activate, version -1': {
    method: 'POST',
    path: '/v1/pipelines/support/activate',
    body: { version: -1 },
    names: VERSION,
  },
  'pipeline activate, version 1.5': {
    method: 'POST',
    path: '/v1/pipelines/support/activate',
    body: { version: 1.5 },
    names: VERSION,
  },
  'pipeline activate, version "NaN"': {
    method: 'POST',
    path: '/v1/pipelines/support/activate',
    body: { version: 'NaN' },
    names: VERSION,
  },
  'pipeline split, version 1e308': {
    method: 'POST',
    path: '/v1/pipelines/support/split',
    body: { version: 1e308, percent: 50 },
    names: VERSION,
  },
  'pipeline split, percent 1e308': {
    method: 'POST',
    path: '/v1/pipelines/support/split',
    body: { version: 1, percent: 1e308 },
    names: /percent must not be greater than 100/,
  },
  'pipeline split, percent 50.5': {
    method: 'POST',
    path: '/v1/pipelines/support/split',
    body: { version: 1, percent: 50.5 },
    names: /percent must be an integer/,
  },
  'shadow, version 1e308': {
    method: 'PUT',
    path: '/v1/pipelines/support/shadow',
    body: { version: 1e308 },
    names: VERSION,
  },
  'prompt version in the path, past int': {
    method: 'GET',
    path: '/v1/prompts/support-answer/versions/99999999999',
    names: VERSION,
  },
  'prompt version in the path, -1': {
    method: 'GET',
    path: '/v1/prompts/support-answer/versions/-1',
    names: VERSION,
  },
  'prompt version in the path, 1e308': {
    method: 'GET',
    path: '/v1/prompts/support-answer/versions/1e308',
    names: VERSION,
  },
  'prompt version in the path, 1.5': {
    method: 'GET',
    path: '/v1/prompts/support-answer/versions/1.5',
    names: VERSION,
  },
  'prompt version in the path, NaN': {
    method: 'GET',
    path: '/v1/prompts/support-answer/versions/NaN',
    names: VERSION,
  },
  'prompt label, version 1e308': {
    method: 'PUT',
    path: '/v1/prompts/support-answer/labels/staging',
    body: { version: 1e308 },
    names: /version must not be greater than 1000000000/,
  },
  'prompt split, percent -1': {
    method: 'PUT',
    path: '/v1/prompts/support-answer/split',
    body: { a: 'production', b: '1', percent: -1 },
    names: /percent must not be less than 0/,
  },
  'prompt split, arm past int': {
    method: 'PUT',
    path: '/v1/prompts/support-answer/split',
    body: { a: 'production', b: '99999999999', percent: 50 },
    names: /b must be a label or a version number/,
  },
  'prompt diff, from 1e308': {
    method: 'GET',
    path: '/v1/prompts/support-answer/diff?from=1e308&to=1',
    names: /from must not be greater than 1000000000/,
  },
  'prompt diff, to NaN': {
    method: 'GET',
    path: '/v1/prompts/support-answer/diff?from=1&to=NaN',
    names: /to must be an integer/,
  },
  'prompt history, limit Infinity': {
    method: 'GET',
    path: '/v1/prompts/support-answer/history?limit=Infinity',
    names: /limit must be an integer/,
  },
  'prompt history, limit 1.5': {
    method: 'GET',
    path: '/v1/prompts/support-answer/history?limit=1.5',
    names: /limit must be an integer/,
  },
  'regression run, promptVersion 1e308': {
    method: 'POST',
    path: `/v1/datasets/${DATASET}/runs`,
    body: { promptVersion: 1e308 },
    names: /promptVersion must not be greater than 1000000000/,
  },
  'regression runs, limit past int': {
    method: 'GET',
    path: `/v1/datasets/${DATASET}/runs?limit=99999999999`,
    names: /limit must not be greater than 500/,
  },
  'dataset, minPassRate 1e308': {
    method: 'POST',
    path: '/v1/datasets',
    body: { pipeline: 'support', client: CLIENT, name: 'x', minPassRate: 1e308 },
    names: /minPassRate must not be greater than 1/,
  },
  'alerts, limit -1': {
    method: 'GET',
    path: '/v1/alerts?limit=-1',
    names: /limit must not be less than 1/,
  },
  'client quota, 1e308 per second': {
    method: 'PUT',
    path: `/v1/clients/${CLIENT}/quota`,
    body: { requestsPerSecond: 1e308 },
    names: /requestsPerSecond must not be greater than 1000000/,
  },
  'recalibration, autoApprove 1e308': {
    method: 'POST',
    path: '/v1/pipelines/support/recalibration/apply',
    body: { autoApprove: 1e308, reason: 'fuzz' },
    names: /autoApprove must not be greater than 1/,
  },
  'recalibration, targetError NaN': {
    method: 'GET',
    path: '/v1/pipelines/support/recalibration?targetError=NaN',
    names: /targetError must be a number/,
  },
  'events, limit 1e308': {
    method: 'GET',
    path: '/v1/events?limit=1e308',
    caller: 'apiKey',
    names: /limit must be an integer from 1 to 1000/,
  },
  'events, cursor past bigint': {
    method: 'GET',
    path: '/v1/events?after=99999999999999999999',
    caller: 'apiKey',
    names: /after must be a cursor/,
  },
  'webhook secret rotation, overlap 1e308': {
    method: 'POST',
    path: '/v1/webhook/secrets/rotate',
    body: { overlapSeconds: 1e308 },
    caller: 'apiKey',
    names: /overlapSeconds must not be greater than 2592000/,
  },
  'submission, wait 1e308': {
    method: 'POST',
    path: '/v1/submissions?wait=1e308',
    body: submissionBody(),
    caller: 'apiKey',
    names: /wait must be an integer number of milliseconds/,
  },
  'submission, a positive log-probability': {
    method: 'POST',
    path: '/v1/submissions',
    body: submissionBody({ output: { text: 'Paris.', logprobs: [-0.1, 0.5] } }),
    caller: 'apiKey',
    names: /output.logprobs must be log-probabilities/,
  },
};

describe('numbers out of range get a 400 naming the field, never a 500', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
    await arbiter.putPolicy('support', policy());
  });
  afterAll(() => arbiter.stop());

  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const token = c.caller === 'apiKey' ? arbiter.bootstrapKey : await arbiter.adminAccessToken();
    const res = await arbiter.http.request<{ message: string }>(c.method, c.path, c.body, {
      token,
    });
    expect([res.status, res.body.message]).toEqual([400, expect.stringMatching(c.names)]);
  });

  it('the refused requests changed nothing: the pipeline is on its first version, with no split', async () => {
    const res = await arbiter.http.get<{ activeVersion: number; split: unknown }>(
      '/v1/pipelines/support',
      { token: await arbiter.adminAccessToken() },
    );
    expect(res.body).toMatchObject({ activeVersion: 1, split: null });
  });
});
