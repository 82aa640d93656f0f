/** What stands in for a secret in the audit log. */
export const REDACTED = '[redacted]';

// Fields that carry a credential in some request or view (a webhook secret, a password, tokens).
// Hashes too: a hash of a short secret can be brute-forced. `key` is not among them: it names
// pipelines and prompts; an API key is recognised by its shape instead, wherever it is.
const SECRET_FIELD =
  /^(password|passwordHash|keyHash|secret|token|accessToken|refreshToken|apiKey)$/i;
// A whole API key as generateApiKey makes it (`arb_` and 43 base64url characters).
const API_KEY = /^arb_[A-Za-z0-9_-]{40,}$/;

/** A copy of a JSON value with every secret-bearing field replaced by `[redacted]`. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === 'string' && API_KEY.test(value)) return REDACTED;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  const copy: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value as Record<string, unknown>)) {
    copy[field] = SECRET_FIELD.test(field) && inner != null ? REDACTED : redactSecrets(inner);
  }
  return copy;
}

/** A value as the log stores a state: an object (a bare value is wrapped), or null. */
export function asAuditState(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  const redacted = redactSecrets(value);
  if (typeof redacted === 'object' && !Array.isArray(redacted))
    return redacted as Record<string, unknown>;
  return { value: redacted };
}
