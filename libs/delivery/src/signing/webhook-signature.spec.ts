import { Webhook } from 'standardwebhooks';
import {
  generateWebhookSecret,
  isWebhookSecret,
  signWebhook,
  webhookHeaders,
} from './webhook-signature';

describe('Standard Webhooks signatures', () => {
  const body = JSON.stringify({
    type: 'submission.approved',
    data: { id: 'x', text: 'Ünïcode ✓' },
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('generates whsec_ secrets of 24 random bytes', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(isWebhookSecret(a)).toBe(true);
    expect(generateWebhookSecret()).not.toBe(a);
  });

  it.each(['', 'whsec_', 'secret', 'whsec_not base64!', 'sk_abc'])(
    'refuses %j as a secret',
    (s) => {
      expect(isWebhookSecret(s)).toBe(false);
      expect(() => signWebhook(s, 'id', 1, 'b')).toThrow(/whsec_/);
    },
  );

  it('is verified by the standardwebhooks library', () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders('evt-1', now(), body, [secret]);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('matches the library signature byte for byte', () => {
    const secret = generateWebhookSecret();
    const ts = now();
    expect(signWebhook(secret, 'evt-2', ts, body)).toBe(
      new Webhook(secret).sign('evt-2', new Date(ts * 1000), body),
    );
  });

  it('during rotation sends both signatures, and either secret verifies', () => {
    const [oldSecret, newSecret, other] = [
      generateWebhookSecret(),
      generateWebhookSecret(),
      generateWebhookSecret(),
    ];
    const headers = webhookHeaders('evt-3', now(), body, [newSecret, oldSecret]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(other).verify(body, headers)).toThrow(/No matching signature/);
  });

  it('a changed body, id or timestamp no longer verifies', () => {
    const secret = generateWebhookSecret();
    const ts = now();
    const headers = webhookHeaders('evt-4', ts, body, [secret]);
    const hook = new Webhook(secret);
    expect(() => hook.verify(body.replace('x', 'y'), headers)).toThrow();
    expect(() => hook.verify(body, { ...headers, 'webhook-id': 'evt-5' })).toThrow();
    expect(() => hook.verify(body, { ...headers, 'webhook-timestamp': String(ts - 1) })).toThrow();
  });

  it('needs a secret to sign', () => {
    expect(() => webhookHeaders('evt', 1, body, [])).toThrow(/at least one/);
  });
});
