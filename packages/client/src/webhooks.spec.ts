import { generateWebhookSecret, webhookHeaders } from '@arbiter/delivery';
import { WebhookVerificationError } from './errors';
import { verifyWebhook } from './webhooks';

/** verifyWebhook against the api's own signer (libs/delivery), not a copy of it. */
describe('verifyWebhook', () => {
  const body = JSON.stringify({
    type: 'submission.approved',
    timestamp: '2026-01-01T00:00:00.000Z',
    data: { id: 's1' },
  });
  const now = 1_800_000_000_000;
  const at = now / 1000;
  const current = generateWebhookSecret();
  const previous = generateWebhookSecret();

  it('accepts what the api signs, with either secret during a rotation', () => {
    const headers = webhookHeaders('msg_1', at, body, [current, previous]);
    expect(verifyWebhook(current, headers, body, { now }).type).toBe('submission.approved');
    expect(
      verifyWebhook([previous], new Headers(headers), Buffer.from(body), { now }),
    ).toMatchObject({ data: { id: 's1' } });
  });

  it.each([
    [
      'another secret',
      () => [generateWebhookSecret(), webhookHeaders('msg_1', at, body, [current]), body, now],
    ],
    [
      'a changed body',
      () => [current, webhookHeaders('msg_1', at, body, [current]), body.replace('s1', 's2'), now],
    ],
    [
      'another id',
      () => [
        current,
        { ...webhookHeaders('msg_1', at, body, [current]), 'webhook-id': 'msg_2' },
        body,
        now,
      ],
    ],
    [
      'an old timestamp',
      () => [current, webhookHeaders('msg_1', at - 301, body, [current]), body, now],
    ],
    [
      'a future timestamp',
      () => [current, webhookHeaders('msg_1', at + 301, body, [current]), body, now],
    ],
    [
      'no signature',
      () => [current, { 'webhook-id': 'msg_1', 'webhook-timestamp': String(at) }, body, now],
    ],
  ] as const)('refuses %s', (_, setup) => {
    const [secret, headers, raw, clock] = setup();
    expect(() =>
      verifyWebhook(secret as string, headers as Record<string, string>, raw as string, {
        now: clock as number,
      }),
    ).toThrow(WebhookVerificationError);
  });
});
