import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { testWebhookConfig } from '../support/webhook-receiver.server';

interface Answer {
  status: number;
  body?: string;
  delayMs?: number;
}
interface Received {
  verified: boolean;
  payload: {
    type: string;
    data: { submissionId: string; output: unknown; input: Record<string, unknown> };
  } | null;
}
interface Submission {
  status: string;
  decision: { reasons: { code: string; message: string }[] } | null;
  gates: { type: string; passed: boolean; onFail: string; findings: { code: string }[] }[];
}

/** A client's rule service on 127.0.0.1: verifies each signature, records, answers per `answer`. */
class RuleService {
  readonly received: Received[] = [];
  secret = '';
  answer: (count: number) => Answer = () => ({ status: 200, body: '{"findings":[]}' });
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let payload: Received['payload'] = null;
      try {
        payload = new Webhook(this.secret.slice('whsec_'.length)).verify(
          body,
          req.headers as Record<string, string>,
        ) as Received['payload'];
      } catch {
        payload = null;
      }
      this.received.push({ verified: payload !== null, payload });
      const a = this.answer(this.received.length);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body ?? '');
      }, a.delayMs ?? 0);
    });
  });
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/rules`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('webhook validator: the client rule service, against a real local receiver', () => {
  let arbiter: ArbiterHarness;
  const service = new RuleService();
  beforeAll(async () => {
    await service.start();
    arbiter = await ArbiterHarness.start({ config: { webhooks: testWebhookConfig() } });
  });
  afterAll(async () => {
    await arbiter.stop();
    await service.stop();
  });
  beforeEach(async () => {
    await arbiter.reset();
    service.received.length = 0;
    service.answer = () => ({ status: 200, body: '{"findings":[]}' });
    const settings = await arbiter.http.get<{ secrets: { secret: string }[] }>('/v1/webhook', {
      token: arbiter.bootstrapKey,
    });
    service.secret = settings.body.secrets[0].secret;
    await arbiter.putPolicy(
      'rules',
      policy({
        review: { queue: 'rules' },
        validators: [
          {
            type: 'webhook',
            onFail: 'reject',
            url: service.url,
            inputFields: ['prompt'],
            timeoutMs: 300,
            retries: 1,
          },
        ],
      }),
    );
  });

  // Each test sends its own text: answers are cached by content in the worker.
  const submit = async (text: string): Promise<Submission> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline: 'rules', output: { text } }),
      { token: arbiter.bootstrapKey },
    );
    expect(res.status).toBe(202);
    await arbiter.waitForQueuesIdle();
    return (
      await arbiter.http.get<Submission>(`/v1/submissions/${res.body.id}`, {
        token: arbiter.bootstrapKey,
      })
    ).body;
  };

  it('sends the output and the chosen input fields, signed like outcome webhooks; no findings → approved', async () => {
    const s = await submit('Paris is the capital (pass).');
    expect(s.status).toBe('approved');
    expect(service.received).toHaveLength(1);
    expect(service.received[0].verified).toBe(true);
    expect(service.received[0].payload?.type).toBe('validation.requested');
    expect(service.received[0].payload?.data.output).toEqual({
      text: 'Paris is the capital (pass).',
    });
    expect(service.received[0].payload?.data.input).toEqual({
      prompt: 'What is the capital of France?',
    });
  });

  it("applies the service's findings with the entry's onFail", async () => {
    service.answer = () => ({
      status: 200,
      body: JSON.stringify({
        findings: [
          { code: 'price_mismatch', message: 'The quoted price is not in the catalogue.' },
        ],
      }),
    });
    const s = await submit('The price is 12 dollars (findings).');
    expect(s.status).toBe('rejected');
    expect(s.decision?.reasons.map((r) => r.code)).toEqual(['webhook.price_mismatch']);
  });

  it.each<[string, (n: number) => Answer, number]>([
    ['an error status on every try', () => ({ status: 500 }), 2],
    [
      'an answer slower than the timeout',
      () => ({ status: 200, body: '{"findings":[]}', delayMs: 1500 }),
      2,
    ],
    ['a malformed answer', () => ({ status: 200, body: '{"verdict":"fine"}' }), 1],
    ['an answer that is not JSON', () => ({ status: 200, body: 'OK' }), 1],
  ])('%s → people decide, never approved nor rejected on it', async (name, answer, calls) => {
    service.answer = answer;
    const s = await submit(`Some output (${name}).`);
    expect(s.status).toBe('human_review');
    expect(s.gates[0]).toMatchObject({ type: 'webhook', passed: false, onFail: 'human' });
    expect(s.decision?.reasons.map((r) => r.code)).toEqual(['webhook.fault']);
    expect(service.received).toHaveLength(calls);
  });

  it('a 503 then an answer: retried, and the answer applies', async () => {
    service.answer = (n) => (n === 1 ? { status: 503 } : { status: 200, body: '{"findings":[]}' });
    expect((await submit('Retried output.')).status).toBe('approved');
    expect(service.received).toHaveLength(2);
  });

  it('asks once for the same content (cache by content hash)', async () => {
    await submit('Cached output.');
    await submit('Cached output.');
    expect(service.received).toHaveLength(1);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data', /metadata/],
    ['http://10.1.2.3/rules', /private/],
    ['http://localhost:9/rules', /loopback/],
  ])(
    'refuses a policy whose rule service URL the SSRF guard refuses (%s): 400 naming the field',
    async (url, why) => {
      const res = await arbiter.http.put<{ problems?: { path: string; message: string }[] }>(
        '/v1/pipelines/ssrf',
        policy({ pipeline: 'ssrf', validators: [{ type: 'webhook', onFail: 'human', url }] }),
        { token: await arbiter.adminAccessToken() },
      );
      expect(res.status).toBe(400);
      expect(res.body.problems).toEqual([
        { path: 'validators[0].url', message: expect.stringMatching(why) },
      ]);
    },
  );
});
