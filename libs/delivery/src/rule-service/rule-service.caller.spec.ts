import type { HttpAttempt } from '../http/webhook-http.client';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from '../signing/webhook-signature';
import { RuleServiceCaller, type RuleServiceIo } from './rule-service.caller';
import type { RuleServiceRequest } from './rule-service.port';

const SECRET = generateWebhookSecret();

/** An in-memory rule service: answers from a script, records what it was sent. */
function fakeIo(script: (count: number) => Partial<HttpAttempt>) {
  const sent: { url: string; headers: Record<string, string>; body: string; timeoutMs: number }[] =
    [];
  let clock = Date.now();
  const io: RuleServiceIo = {
    post: async (url, headers, body, { timeoutMs }) => {
      sent.push({ url, headers, body, timeoutMs });
      return {
        statusCode: 200,
        retryAfter: null,
        responseBody: '',
        error: null,
        blocked: false,
        latencyMs: 1,
        ...script(sent.length),
      };
    },
    secrets: async () => [SECRET],
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  };
  return { io, sent, advance: (ms: number) => (clock += ms) };
}

const request = (
  text = 'Your refund is 120 USD.',
  url = 'https://rules.example/check',
): RuleServiceRequest => ({
  clientId: 'c1',
  submissionId: 's1',
  pipeline: 'refunds',
  validator: {
    type: 'webhook',
    onFail: 'reject',
    url,
    inputFields: ['prompt'],
    retries: 2,
    timeoutMs: 500,
  },
  input: {
    input: { prompt: 'How much?', context: [{ id: 'k', text: 'secret kb' }] },
    output: { text },
  },
});
const ok = (findings: unknown[]) => ({ responseBody: JSON.stringify({ findings }) });

describe('RuleServiceCaller', () => {
  it('posts a signed body with the output and only the chosen input fields, and reads findings', async () => {
    const { io, sent } = fakeIo(() =>
      ok([
        { code: 'price_mismatch', message: 'The price is wrong.', spans: [{ start: 14, end: 21 }] },
      ]),
    );
    const outcome = await new RuleServiceCaller(io).evaluate(request());
    expect(outcome).toEqual({
      findings: [
        {
          code: 'webhook.price_mismatch',
          message: 'The price is wrong.',
          spans: [{ start: 14, end: 21 }],
        },
      ],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].timeoutMs).toBe(500);
    const verified = new Webhook(SECRET.slice('whsec_'.length)).verify(
      sent[0].body,
      sent[0].headers,
    ) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(verified.type).toBe('validation.requested');
    expect(verified.data).toEqual({
      submissionId: 's1',
      pipeline: 'refunds',
      output: { text: 'Your refund is 120 USD.' },
      input: { prompt: 'How much?' },
    });
  });

  it.each<[string, (n: number) => Partial<HttpAttempt>, number, RegExp | null]>([
    ['an empty list passes', () => ok([]), 1, null],
    ['a 503 then an answer: retried', (n) => (n === 1 ? { statusCode: 503 } : ok([])), 2, null],
    [
      'no response, three times: a fault',
      () => ({ statusCode: null, error: 'no complete response within 500 ms' }),
      3,
      /500 ms/,
    ],
    ['a 400: not retried, a fault', () => ({ statusCode: 400 }), 1, /answered 400/],
    ['not JSON: a fault, not retried', () => ({ responseBody: '<html>' }), 1, /not JSON/],
    ['no findings list: a fault', () => ({ responseBody: '{"ok":true}' }), 1, /no "findings"/],
    ['a finding without a message: a fault', () => ok([{ code: 'x' }]), 1, /message/],
    ['a code with spaces: a fault', () => ok([{ code: 'a b', message: 'm' }]), 1, /code/],
    [
      'a refused address: a fault, not retried',
      () => ({ statusCode: null, blocked: true, error: 'loopback' }),
      1,
      /refused/,
    ],
  ])('%s', async (_name, script, calls, fault) => {
    const { io, sent } = fakeIo(script);
    const outcome = await new RuleServiceCaller(io).evaluate(request());
    expect(sent).toHaveLength(calls);
    if (fault) expect('fault' in outcome && outcome.fault).toMatch(fault);
    else expect(outcome).toEqual({ findings: [] });
  });

  it('answers a repeated output from its cache, until the entry expires', async () => {
    const { io, sent, advance } = fakeIo(() => ok([]));
    const caller = new RuleServiceCaller(io);
    await caller.evaluate(request());
    await caller.evaluate(request());
    expect(sent).toHaveLength(1);
    await caller.evaluate(request('Another output.'));
    expect(sent).toHaveLength(2);
    advance(600_001);
    await caller.evaluate(request());
    expect(sent).toHaveLength(3);
  });

  it('does not cache faults', async () => {
    const { io, sent } = fakeIo((n) => (n <= 3 ? { statusCode: 500 } : ok([])));
    const caller = new RuleServiceCaller(io);
    expect('fault' in (await caller.evaluate(request()))).toBe(true);
    expect(await caller.evaluate(request())).toEqual({ findings: [] });
    expect(sent).toHaveLength(4);
  });

  it('opens a breaker per URL after consecutive faults, then tries again after the cool-down', async () => {
    const { io, sent, advance } = fakeIo(() => ({ statusCode: 500 }));
    const caller = new RuleServiceCaller(io, {
      breakerThreshold: 2,
      breakerCoolDownMs: 10_000,
      retryBaseMs: 1,
      maxCacheEntries: 10,
    });
    const once = { ...request(), validator: { ...request().validator, retries: 0 } };
    await caller.evaluate(once);
    await caller.evaluate(once);
    const open = await caller.evaluate(once);
    expect('fault' in open && open.fault).toMatch(/breaker is open/);
    expect(sent).toHaveLength(2);
    const other = { ...once, validator: { ...once.validator, url: 'https://other.example/check' } };
    await caller.evaluate(other);
    expect(sent).toHaveLength(3);
    advance(10_001);
    await caller.evaluate(once);
    expect(sent).toHaveLength(4);
  });

  it('turns an unexpected error (no secret, say) into a fault', async () => {
    const { io } = fakeIo(() => ok([]));
    io.secrets = async () => [];
    const outcome = await new RuleServiceCaller(io).evaluate(request());
    expect('fault' in outcome && outcome.fault).toMatch(/secret/);
  });
});
