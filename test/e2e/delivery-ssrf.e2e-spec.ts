import { expectEventually } from '@arbiter/testing';
import { SubmissionWorkflow } from '@arbiter/workflow';
import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';
import { testWebhookConfig, WebhookReceiver } from '../support/webhook-receiver.server';

describe('SSRF protection of callback URLs', () => {
  let arbiter: ArbiterHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    // Only 127.0.0.2 is allow-listed: the receiver listens there; 127.0.0.1 stays forbidden.
    receiver = await WebhookReceiver.start('127.0.0.2');
    arbiter = await ArbiterHarness.start({
      config: { webhooks: testWebhookConfig({ allowHosts: ['127.0.0.2'] }) },
    });
  });
  afterAll(async () => {
    await arbiter.stop();
    await receiver.stop();
  });
  beforeEach(async () => {
    await arbiter.reset();
    receiver.reset();
    // Routed to people, so no test here sends anything anywhere unless it decides to.
    await arbiter.putPolicy('support', policy({ thresholds: { autoApprove: 1, aiReview: 1 } }));
  });

  const submit = (callbackUrl: string) =>
    arbiter.http.post<{ id: string; message: string }>(
      '/v1/submissions',
      submissionBody({ callbackUrl }),
      { token: arbiter.bootstrapKey },
    );
  const count = async () =>
    (await arbiter.db.query(`SELECT count(*)::int AS n FROM submissions`))[0].n as number;

  it.each([
    [
      'http://127.0.0.1:8080/hook',
      /callbackUrl host "127.0.0.1" is a loopback address; it is refused unless ARBITER_WEBHOOK_ALLOW_HOSTS names the host/,
    ],
    ['http://10.0.0.5/hook', /callbackUrl host "10.0.0.5" is a private address/],
    ['http://10.255.1.1:9000/x', /private address/],
    ['http://192.168.1.20/hook', /private address/],
    [
      'http://169.254.169.254/latest/meta-data/iam/',
      /callbackUrl host "169.254.169.254" is a metadata address/,
    ],
    ['http://[::1]/hook', /loopback address/],
    ['http://0x7f000001/hook', /loopback address/],
    ['file:///etc/passwd', /callbackUrl must be an http\(s\) URL/],
    ['http://localhost:3000/hook', /callbackUrl host "localhost" resolves to a loopback address/],
    [
      'http://no-such-host.invalid/hook',
      /callbackUrl host "no-such-host.invalid" does not resolve/,
    ],
  ])('refuses %s at submission time with a 400 naming callbackUrl', async (url, message) => {
    const res = await submit(url);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(await count()).toBe(0);
  });

  it('accepts an allow-listed host and a public address', async () => {
    expect((await submit(receiver.url())).status).toBe(202);
    expect((await submit('https://93.184.215.14/hook')).status).toBe(202);
  });

  it('re-checks at delivery: a URL that now leads to a forbidden address is not called, and dead-lettered', async () => {
    const res = await submit(receiver.url());
    const id = res.body.id;
    await expectEventually(async () =>
      expect(
        (await arbiter.db.query(`SELECT status FROM submissions WHERE id = $1`, [id]))[0].status,
      ).toBe('human_review'),
    );
    // As if the accepted name had since been re-pointed at a loopback address (DNS rebinding).
    await arbiter.db.query(`UPDATE submissions SET callback_url = $2 WHERE id = $1`, [
      id,
      receiver.url('/hooks', 'localhost'),
    ]);
    await arbiter.api.get(SubmissionWorkflow).transition({
      submissionId: id,
      path: ['human_review', 'approved'],
      actor: 'user:test',
      patch: { decision: { outcome: 'approved', decidedBy: 'human', reasons: [] }, decided: true },
    });
    const event = await expectEventually(async () => {
      const [row] = await arbiter.db.query(
        `SELECT status, attempts, last_error AS "lastError" FROM delivery_events WHERE submission_id = $1`,
        [id],
      );
      expect(row?.status).toBe('dead');
      return row as { attempts: number; lastError: string };
    });
    expect(event.attempts).toBe(1);
    expect(event.lastError).toMatch(/"localhost" resolves to a loopback address/);
    expect(receiver.received).toHaveLength(0);
  });
});
