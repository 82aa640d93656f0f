import type { GateFinding, ScoringInput, ValidatorConfig } from '../../scoring.types';
import type { ConfigProblem, GateDefinition } from '../../engine/engine.types';
import {
  checkNumber,
  checkStringArray,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../../engine/options.util';

/** Input fields a `webhook` validator may send along with the output. */
export const WEBHOOK_INPUT_FIELDS = ['prompt', 'context', 'language'] as const;

/** A `webhook` entry with its defaults filled in. */
export interface WebhookRules {
  url: string;
  inputFields: string[];
  timeoutMs: number;
  retries: number;
  cacheTtlMs: number;
}

export const WEBHOOK_DEFAULTS = { timeoutMs: 3000, retries: 1, cacheTtlMs: 600_000 };

/** The rules of a `webhook` entry (already validated). */
export function webhookRules(options: ValidatorConfig): WebhookRules {
  return {
    url: options.url as string,
    inputFields: (options.inputFields as string[] | undefined) ?? [],
    timeoutMs: (options.timeoutMs as number | undefined) ?? WEBHOOK_DEFAULTS.timeoutMs,
    retries: (options.retries as number | undefined) ?? WEBHOOK_DEFAULTS.retries,
    cacheTtlMs: (options.cacheTtlMs as number | undefined) ?? WEBHOOK_DEFAULTS.cacheTtlMs,
  };
}

/**
 * What the client's rule service answered for one output, evaluated outside the engine (the
 * engine does no I/O): its findings, or a fault (timeout, error status, malformed answer,
 * breaker open). A fault always sends the item to people, whatever the entry's `onFail`.
 */
export type ExternalOutcome = { findings: GateFinding[] } | { fault: string };

/** The body Arbiter POSTs to a rule service (documented in docs/policy.md, `webhook`). */
export function webhookRequestData(
  input: ScoringInput,
  rules: WebhookRules,
): { output: ScoringInput['output']; input: Record<string, unknown> } {
  const chosen: Record<string, unknown> = {};
  for (const field of rules.inputFields) {
    const value = (input.input as Record<string, unknown>)[field];
    if (value !== undefined) chosen[field] = value;
  }
  const { text, json } = input.output;
  return {
    output: { ...(text !== undefined ? { text } : {}), ...(json !== undefined ? { json } : {}) },
    input: chosen,
  };
}

const CODE_RE = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_FINDINGS = 50;

/** Reads a rule service's answer: `{ findings: [{ code, message, spans?, suggestion? }] }`, or why it is malformed. */
export function parseWebhookAnswer(body: string): ExternalOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { fault: 'the rule service answered with something that is not JSON' };
  }
  const findings = (parsed as { findings?: unknown })?.findings;
  if (!Array.isArray(findings)) return { fault: 'the rule service answer has no "findings" list' };
  if (findings.length > MAX_FINDINGS)
    return { fault: `the rule service answered more than ${MAX_FINDINGS} findings` };
  const out: GateFinding[] = [];
  for (const [i, f] of findings.entries()) {
    const o = f as Record<string, unknown>;
    if (!o || typeof o !== 'object') return { fault: `findings[${i}] is not an object` };
    if (typeof o.code !== 'string' || !CODE_RE.test(o.code))
      return { fault: `findings[${i}].code must be 1–64 letters, digits, ".", "_" or "-"` };
    if (typeof o.message !== 'string' || !o.message.trim() || o.message.length > 1000)
      return {
        fault: `findings[${i}].message must be a non-empty string of at most 1000 characters`,
      };
    if (o.suggestion !== undefined && typeof o.suggestion !== 'string')
      return { fault: `findings[${i}].suggestion must be a string` };
    const spans = Array.isArray(o.spans)
      ? o.spans
          .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object')
          .slice(0, 20)
          .map((s) => ({
            ...(Number.isInteger(s.start) ? { start: s.start as number } : {}),
            ...(Number.isInteger(s.end) ? { end: s.end as number } : {}),
            ...(typeof s.path === 'string' ? { path: s.path.slice(0, 200) } : {}),
          }))
      : undefined;
    out.push({
      code: `webhook.${o.code}`,
      message: o.message,
      ...(spans?.length ? { spans } : {}),
      ...(typeof o.suggestion === 'string' ? { suggestion: o.suggestion.slice(0, 2000) } : {}),
    });
  }
  return { findings: out };
}

function check(): GateFinding[] {
  // Never reached: the engine reads an external gate's outcome from ScoringConfig.external.
  return [{ code: 'webhook.fault', message: 'The rule service was not asked.' }];
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(
      options,
      [...COMMON_VALIDATOR_KEYS, 'url', 'inputFields', 'timeoutMs', 'retries', 'cacheTtlMs'],
      path,
    ),
    ...checkNumber(options.timeoutMs, `${path}.timeoutMs`, { min: 50, max: 10_000, integer: true }),
    ...checkNumber(options.retries, `${path}.retries`, { min: 0, max: 3, integer: true }),
    ...checkNumber(options.cacheTtlMs, `${path}.cacheTtlMs`, {
      min: 0,
      max: 86_400_000,
      integer: true,
    }),
    ...checkStringArray(options.inputFields, `${path}.inputFields`),
  ];
  if (typeof options.url !== 'string' || !options.url)
    problems.push({
      path: `${path}.url`,
      message: 'is required: the rule service URL (http or https)',
    });
  else {
    try {
      const u = new URL(options.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:')
        problems.push({
          path: `${path}.url`,
          message: `must use http or https (got "${u.protocol}")`,
        });
    } catch {
      problems.push({ path: `${path}.url`, message: 'is not a valid URL' });
    }
  }
  if (Array.isArray(options.inputFields))
    options.inputFields.forEach((f: unknown, i) => {
      if (typeof f === 'string' && !(WEBHOOK_INPUT_FIELDS as readonly string[]).includes(f))
        problems.push({
          path: `${path}.inputFields[${i}]`,
          message: `unknown input field "${f}" (known: ${WEBHOOK_INPUT_FIELDS.join(', ')})`,
        });
    });
  return problems;
}

/** `webhook`: the client's own rule service, asked by the worker before scoring (see ExternalOutcome). */
export const webhookGate: GateDefinition = { check, validate, external: true };
