import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): an HMAC-SHA256 over
 * "id.timestamp.body" with the secret's bytes, sent as `v1,<base64>`; several space-separated
 * signatures while a rotated-out secret still signs next to the new one.
 */
const PREFIX = 'whsec_';
const SECRET_BYTES = 24;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A new random secret in the `whsec_<base64>` form every Standard Webhooks library accepts. */
export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/** Whether `value` is a `whsec_` secret with a non-empty base64 key. */
export function isWebhookSecret(value: string): boolean {
  const key = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : '';
  return key.length > 0 && BASE64.test(key);
}

/** One `v1,<base64 HMAC-SHA256>` signature of "id.timestamp.body". */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  if (!isWebhookSecret(secret)) throw new Error('webhook secret must be whsec_<base64>');
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  const mac = createHmac('sha256', key)
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers, signed with every given secret (newest first). */
export function webhookHeaders(
  id: string,
  timestampSeconds: number,
  body: string,
  secrets: readonly string[],
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  if (secrets.length === 0) throw new Error('at least one webhook secret is needed to sign');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((s) => signWebhook(s, id, timestampSeconds, body)).join(' '),
  };
}
