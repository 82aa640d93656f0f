import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './errors';
import type { OutcomeEvent } from './types';

/** The three Standard Webhooks headers, as any server framework hands them over. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** How far the webhook-timestamp may be from now, in seconds. Default 300 (Standard Webhooks). */
  toleranceSeconds?: number;
  /** The clock, in ms (tests). */
  now?: number;
}

const header = (headers: WebhookHeaders, name: string): string | undefined => {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

function keyOf(secret: string): Buffer {
  const base64 = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = Buffer.from(base64, 'base64');
  if (!key.length) throw new WebhookVerificationError('the webhook secret is empty');
  return key;
}

/**
 * Verifies an outcome webhook per Standard Webhooks: an HMAC-SHA256 of
 * `<webhook-id>.<webhook-timestamp>.<raw body>` with one of `secrets` (several while a rotated
 * secret overlaps), and a timestamp within the tolerance. Pass the raw body, exactly as received.
 * Returns the parsed event; throws WebhookVerificationError otherwise.
 */
export function verifyWebhook(
  secrets: string | readonly string[],
  headers: WebhookHeaders,
  rawBody: string | Buffer,
  options: VerifyOptions = {},
): OutcomeEvent {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures)
    throw new WebhookVerificationError(
      'missing webhook-id, webhook-timestamp or webhook-signature',
    );
  if (!/^\d+$/.test(timestamp))
    throw new WebhookVerificationError('webhook-timestamp is not a number of seconds');
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - Number(timestamp)) > tolerance)
    throw new WebhookVerificationError('webhook-timestamp is outside the tolerance');
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const offered = signatures
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = createHmac('sha256', keyOf(secret))
      .update(`${id}.${timestamp}.${body}`)
      .digest();
    if (offered.some((sig) => sig.length === expected.length && timingSafeEqual(sig, expected))) {
      return JSON.parse(body) as OutcomeEvent;
    }
  }
  throw new WebhookVerificationError('no signature matches');
}
