import { Env, envInt } from './env-int';
/** One AI reviewer the deployment may call; pipelines pick providers by name (aiReview.providers). */
export interface AiProviderConfig {
  name: string;
  kind: 'openai-compatible' | 'embedded';
  /** Base URL of the chat-completions API (…/v1); unused by `embedded`. */
  baseUrl?: string;
  model: string;
  /** Where the provider processes data (e.g. ap-southeast-1); checked against aiReview.regions. */
  region: string;
  apiKey?: string;
  pricePer1kInput: number;
  pricePer1kOutput: number;
  timeoutMs: number;
  /** 0 = no limit. Enforced across all worker replicas. */
  requestsPerMinute: number;
  tokensPerMinute: number;
  maxOutputTokens: number;
}

/** Deployment-wide settings of the AI review stage. */
export interface AiReviewConfig {
  /** Every configured provider; `embedded` is always present. */
  providers: AiProviderConfig[];
  /** Total daily budget over every pipeline, in USD; undefined = no total cap. */
  dailyBudgetUsd?: number;
  concurrency: number;
  /** Extra attempts per provider on a transient fault (timeout, 5xx, network). */
  retries: number;
  retryBaseMs: number;
  /** Consecutive failures that open a provider's circuit breaker. */
  breakerFailures: number;
  /** How long an open breaker refuses calls before a half-open probe. */
  breakerCooldownMs: number;
  /** How long a job may wait for rate-limited providers before the chain moves past them. */
  maxQueueWaitMs: number;
}

/** The in-process reviewer: free, no network, no data leaves the process. */
export const EMBEDDED_PROVIDER: AiProviderConfig = {
  name: 'embedded',
  kind: 'embedded',
  model: 'arbiter-embedded-v1',
  region: 'in-process',
  pricePer1kInput: 0,
  pricePer1kOutput: 0,
  timeoutMs: 10_000,
  requestsPerMinute: 0,
  tokensPerMinute: 0,
  maxOutputTokens: 0,
};

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const VAR = 'ARBITER_AI_PROVIDERS';

function num(
  raw: unknown,
  at: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) {
    problems.push(
      `${VAR}${at} must be a number from ${min} to ${max} (got ${JSON.stringify(raw)})`,
    );
    return fallback;
  }
  return raw;
}

function str(raw: unknown, at: string, problems: string[], required: boolean): string | undefined {
  if (raw === undefined && !required) return undefined;
  if (typeof raw !== 'string' || raw.trim() === '') {
    problems.push(`${VAR}${at} must be a non-empty string`);
    return undefined;
  }
  return raw;
}

function provider(raw: unknown, i: number, problems: string[]): AiProviderConfig | null {
  const at = `[${i}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${VAR}${at} must be an object`);
    return null;
  }
  const p = raw as Record<string, unknown>;
  const known = [
    'name',
    'kind',
    'baseUrl',
    'model',
    'region',
    'apiKey',
    'pricePer1kInput',
    'pricePer1kOutput',
    'timeoutMs',
    'requestsPerMinute',
    'tokensPerMinute',
    'maxOutputTokens',
  ];
  for (const key of Object.keys(p))
    if (!known.includes(key)) problems.push(`${VAR}${at}.${key} is not a known setting`);
  const name = str(p.name, `${at}.name`, problems, true);
  if (name && !NAME.test(name))
    problems.push(`${VAR}${at}.name "${name}" may use letters, digits, ".", "_" and "-" only`);
  if (p.kind !== 'openai-compatible' && p.kind !== 'embedded') {
    problems.push(
      `${VAR}${at}.kind must be "openai-compatible" or "embedded" (got ${JSON.stringify(p.kind)})`,
    );
  }
  const kind = p.kind === 'embedded' ? 'embedded' : 'openai-compatible';
  const baseUrl = str(p.baseUrl, `${at}.baseUrl`, problems, kind === 'openai-compatible');
  if (baseUrl) {
    try {
      if (!['http:', 'https:'].includes(new URL(baseUrl).protocol))
        problems.push(`${VAR}${at}.baseUrl must use http: or https:`);
    } catch {
      problems.push(`${VAR}${at}.baseUrl is not a valid URL: "${baseUrl}"`);
    }
  }
  return {
    name: name ?? `invalid-${i}`,
    kind,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    model:
      str(p.model, `${at}.model`, problems, kind === 'openai-compatible') ??
      EMBEDDED_PROVIDER.model,
    region:
      str(p.region, `${at}.region`, problems, kind === 'openai-compatible') ??
      EMBEDDED_PROVIDER.region,
    apiKey: str(p.apiKey, `${at}.apiKey`, problems, false),
    pricePer1kInput: num(p.pricePer1kInput, `${at}.pricePer1kInput`, 0, 0, 1000, problems),
    pricePer1kOutput: num(p.pricePer1kOutput, `${at}.pricePer1kOutput`, 0, 0, 1000, problems),
    timeoutMs: num(p.timeoutMs, `${at}.timeoutMs`, 30_000, 10, 600_000, problems),
    requestsPerMinute: num(
      p.requestsPerMinute,
      `${at}.requestsPerMinute`,
      0,
      0,
      1_000_000,
      problems,
    ),
    tokensPerMinute: num(p.tokensPerMinute, `${at}.tokensPerMinute`, 0, 0, 1e9, problems),
    maxOutputTokens: num(p.maxOutputTokens, `${at}.maxOutputTokens`, 512, 1, 100_000, problems),
  };
}

/** Parses ARBITER_AI_PROVIDERS (a JSON array); problems name the variable and the entry. */
export function parseAiProviders(json: string | undefined, problems: string[]): AiProviderConfig[] {
  let list: unknown = [];
  if (json !== undefined && json.trim() !== '') {
    try {
      list = JSON.parse(json);
    } catch (error) {
      problems.push(`${VAR} is not valid JSON: ${(error as Error).message}`);
      return [EMBEDDED_PROVIDER];
    }
  }
  if (!Array.isArray(list)) {
    problems.push(`${VAR} must be a JSON array of providers`);
    return [EMBEDDED_PROVIDER];
  }
  const providers = list
    .map((raw, i) => provider(raw, i, problems))
    .filter((p): p is AiProviderConfig => p !== null);
  const seen = new Set<string>();
  for (const p of providers) {
    if (seen.has(p.name)) problems.push(`${VAR} names provider "${p.name}" twice`);
    seen.add(p.name);
  }
  if (!seen.has(EMBEDDED_PROVIDER.name)) providers.push(EMBEDDED_PROVIDER);
  return providers;
}

/** Reads the ARBITER_AI_* variables; each problem names its variable. */
export function readAiReviewConfig(env: Env, problems: string[]): AiReviewConfig {
  const budgetRaw = env.ARBITER_AI_DAILY_BUDGET_USD;
  let dailyBudgetUsd: number | undefined;
  if (budgetRaw !== undefined && budgetRaw !== '') {
    dailyBudgetUsd = Number(budgetRaw);
    if (!Number.isFinite(dailyBudgetUsd) || dailyBudgetUsd < 0) {
      problems.push(`ARBITER_AI_DAILY_BUDGET_USD must be a number of USD ≥ 0 (got "${budgetRaw}")`);
      dailyBudgetUsd = undefined;
    }
  }
  return {
    providers: parseAiProviders(env[VAR], problems),
    dailyBudgetUsd,
    concurrency: envInt(env, 'ARBITER_AI_REVIEW_CONCURRENCY', 8, 1, 1000, problems),
    retries: envInt(env, 'ARBITER_AI_RETRIES', 1, 0, 10, problems),
    retryBaseMs: envInt(env, 'ARBITER_AI_RETRY_BASE_MS', 250, 1, 60_000, problems),
    breakerFailures: envInt(env, 'ARBITER_AI_BREAKER_FAILURES', 5, 1, 1000, problems),
    breakerCooldownMs: envInt(
      env,
      'ARBITER_AI_BREAKER_COOLDOWN_MS',
      30_000,
      10,
      3_600_000,
      problems,
    ),
    maxQueueWaitMs: envInt(
      env,
      'ARBITER_AI_MAX_QUEUE_WAIT_MS',
      15 * 60_000,
      0,
      86_400_000,
      problems,
    ),
  };
}
