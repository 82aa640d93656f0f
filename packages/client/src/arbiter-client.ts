import { randomUUID } from 'node:crypto';
import { ContractValidator } from './contract-validator';
import { ArbiterValidationError, DecisionTimeoutError } from './errors';
import { sleep, Transport, TransportOptions } from './transport';
import type {
  AcceptedSubmission,
  DeadLetter,
  EventsFeed,
  FeedEvent,
  ReplayResult,
  SubmissionRequest,
  SubmissionView,
  WebhookEndpoint,
} from './types';

/** The longest `?wait` the api honours, in ms. */
export const MAX_WAIT_MS = 10_000;
const MAX_IDEMPOTENCY_KEY = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINAL = new Set(['approved', 'rejected', 'expired']);
const ROUTED = new Set(['human_review', ...FINAL]);

export interface ArbiterClientOptions extends Omit<TransportOptions, 'token'> {
  /** The API key of the submitting service (`arb_…`). */
  apiKey: string;
}

export interface SubmitOptions {
  /** Default: a new random key, so every retry of this call is the same submission. */
  idempotencyKey?: string;
  /** ms (≤ 10000) for the api to hold the answer until the submission is decided. */
  waitMs?: number;
  signal?: AbortSignal;
}

export interface Submitted {
  /** 200: decided within `waitMs`; 202: accepted (or routed to people / not decided yet). */
  status: 200 | 202;
  submission: AcceptedSubmission | SubmissionView;
  /** The key sent: keep it to retry this submission later without a duplicate. */
  idempotencyKey: string;
  /** The api had this key already and answered with the submission it made then. */
  replayed: boolean;
}

export interface DecisionOptions {
  /** Give up after this long (DecisionTimeoutError). Default 60 s. */
  timeoutMs?: number;
  /** `decided` (default): approved, rejected or expired; `routed`: also stop at human review. */
  until?: 'decided' | 'routed';
  /** First polling interval; grows by half each time up to `maxPollMs`. Default 250 ms. */
  pollMs?: number;
  maxPollMs?: number;
  signal?: AbortSignal;
}

export interface EventsOptions {
  /** Cursor of the last event already handled ("0": from the start). */
  after?: string;
  /** Page size, 1 to 1000. */
  limit?: number;
  /** Keep waiting for new events (default), or stop at the end of the feed. */
  follow?: boolean;
  /** Pause between polls once the feed is read to its end. Default 1 s. */
  pollMs?: number;
  signal?: AbortSignal;
}

/** A submitting service's client: submit outputs, wait for decisions, read outcomes. */
export class ArbiterClient {
  private readonly http: Transport;
  private readonly contract = new ContractValidator();

  constructor(options: ArbiterClientOptions) {
    const { apiKey, ...rest } = options;
    if (!apiKey)
      throw new ArbiterValidationError([{ path: 'apiKey', message: 'is required' }], 'options');
    this.http = new Transport({ ...rest, token: apiKey });
  }

  /**
   * Sends an LLM output for a decision. Checked against the contract first; sent with an
   * idempotency key, so retries on 429/503/network errors (after Retry-After) never duplicate it.
   */
  async submit(body: SubmissionRequest, options: SubmitOptions = {}): Promise<Submitted> {
    const idempotencyKey = options.idempotencyKey ?? randomUUID();
    const problems = [];
    if (idempotencyKey.length < 1 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
      problems.push({
        path: 'idempotencyKey',
        message: `must be 1 to ${MAX_IDEMPOTENCY_KEY} characters`,
      });
    }
    const waitMs = options.waitMs;
    if (
      waitMs !== undefined &&
      !(Number.isInteger(waitMs) && waitMs >= 0 && waitMs <= MAX_WAIT_MS)
    ) {
      problems.push({ path: 'waitMs', message: `must be an integer from 0 to ${MAX_WAIT_MS}` });
    }
    if (problems.length) throw new ArbiterValidationError(problems, 'options');
    this.contract.check('CreateSubmissionDto', body);
    const answer = await this.http.request<AcceptedSubmission | SubmissionView>({
      method: 'POST',
      path: 'v1/submissions',
      query: { wait: waitMs || undefined },
      body,
      headers: { 'idempotency-key': idempotencyKey },
      retry: 'all',
      signal: options.signal,
    });
    return {
      status: answer.status as 200 | 202,
      submission: answer.body,
      idempotencyKey,
      replayed: answer.headers.get('idempotent-replayed') === 'true',
    };
  }

  /** A submission with its decision, signals, gates and timeline. */
  async getSubmission(id: string, signal?: AbortSignal): Promise<SubmissionView> {
    checkUuid(id, 'id');
    return (
      await this.http.request<SubmissionView>({
        method: 'GET',
        path: `v1/submissions/${id}`,
        retry: 'all',
        signal,
      })
    ).body;
  }

  /**
   * Waits for a submission's decision: polls with a growing interval until it is decided (or,
   * with `until: 'routed'`, handed to people), else throws DecisionTimeoutError.
   */
  async decision(id: string, options: DecisionOptions = {}): Promise<SubmissionView> {
    checkUuid(id, 'id');
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    const done = options.until === 'routed' ? ROUTED : FINAL;
    let interval = options.pollMs ?? 250;
    for (;;) {
      const submission = await this.getSubmission(id, options.signal);
      if (done.has(submission.status)) return submission;
      const left = deadline - Date.now();
      if (left <= 0) throw new DecisionTimeoutError(submission);
      await sleep(Math.min(interval, left), options.signal);
      interval = Math.min(interval * 1.5, options.maxPollMs ?? 5_000);
    }
  }

  /** Submits and waits for the decision: the api holds the answer (`?wait`), then polling takes over. */
  async submitAndWait(
    body: SubmissionRequest,
    options: DecisionOptions & Omit<SubmitOptions, 'waitMs'> = {},
  ): Promise<SubmissionView> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const started = Date.now();
    const sent = await this.submit(body, {
      ...options,
      waitMs: Math.min(MAX_WAIT_MS, Math.max(0, Math.floor(timeoutMs))),
    });
    const done = options.until === 'routed' ? ROUTED : FINAL;
    if ('timeline' in sent.submission && done.has(sent.submission.status)) return sent.submission;
    return this.decision(sent.submission.id, {
      ...options,
      timeoutMs: Math.max(0, timeoutMs - (Date.now() - started)),
    });
  }

  /** One page of the outcome events feed. */
  async eventsPage(after = '0', limit = 100, signal?: AbortSignal): Promise<EventsFeed> {
    if (!/^\d{1,18}$/.test(after))
      throw new ArbiterValidationError(
        [{ path: 'after', message: 'must be a cursor returned by the feed' }],
        'query',
      );
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 1000))
      throw new ArbiterValidationError(
        [{ path: 'limit', message: 'must be an integer from 1 to 1000' }],
        'query',
      );
    return (
      await this.http.request<EventsFeed>({
        method: 'GET',
        path: 'v1/events',
        query: { after, limit },
        retry: 'all',
        signal,
      })
    ).body;
  }

  /**
   * The outcome events feed as an async iterator, oldest first, from `after`. Each event carries
   * its `cursor`: store the last one handled and pass it as `after` to resume without gaps.
   */
  async *events(options: EventsOptions = {}): AsyncGenerator<FeedEvent> {
    let cursor = options.after ?? '0';
    const follow = options.follow ?? true;
    for (;;) {
      const page = await this.eventsPage(cursor, options.limit ?? 100, options.signal);
      for (const event of page.events) yield event;
      cursor = page.nextCursor;
      if (page.hasMore) continue;
      if (!follow) return;
      await sleep(options.pollMs ?? 1_000, options.signal);
    }
  }

  async webhookEndpoint(): Promise<WebhookEndpoint> {
    return (
      await this.http.request<WebhookEndpoint>({ method: 'GET', path: 'v1/webhook', retry: 'all' })
    ).body;
  }

  /** Sets (or with null removes) the default webhook endpoint. */
  async setWebhookEndpoint(url: string | null, subscribeRouted = false): Promise<WebhookEndpoint> {
    const body = { url, subscribeRouted };
    this.contract.check('UpdateWebhookEndpointDto', body);
    return (
      await this.http.request<WebhookEndpoint>({
        method: 'PUT',
        path: 'v1/webhook',
        body,
        retry: 'all',
      })
    ).body;
  }

  /** A new signing secret; the old one keeps signing for `overlapSeconds`. */
  async rotateWebhookSecret(overlapSeconds?: number): Promise<WebhookEndpoint> {
    const body = overlapSeconds === undefined ? {} : { overlapSeconds };
    this.contract.check('RotateWebhookSecretDto', body);
    return (
      await this.http.request<WebhookEndpoint>({
        method: 'POST',
        path: 'v1/webhook/secrets/rotate',
        body,
        retry: 'throttled',
      })
    ).body;
  }

  async deadLetters(): Promise<DeadLetter[]> {
    return (
      await this.http.request<DeadLetter[]>({
        method: 'GET',
        path: 'v1/dead-letters',
        retry: 'all',
      })
    ).body;
  }

  async replayDeadLetters(): Promise<ReplayResult> {
    return (
      await this.http.request<ReplayResult>({
        method: 'POST',
        path: 'v1/dead-letters/replay',
        retry: 'throttled',
      })
    ).body;
  }

  async replayDeadLetter(id: string): Promise<ReplayResult> {
    checkUuid(id, 'id');
    return (
      await this.http.request<ReplayResult>({
        method: 'POST',
        path: `v1/dead-letters/${id}/replay`,
        retry: 'throttled',
      })
    ).body;
  }
}

function checkUuid(value: string, path: string): void {
  if (!UUID.test(value))
    throw new ArbiterValidationError([{ path, message: 'must be a UUID' }], 'request');
}
