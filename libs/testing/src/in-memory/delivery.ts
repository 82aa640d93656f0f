import { randomUUID } from 'node:crypto';
import {
  AttemptRecord,
  DeliveryEventRepository,
  EventForDelivery,
  HttpAttempt,
  WebhookEndpointRepository,
  WebhookHttpClient,
  WebhookSecretRow,
} from '@arbiter/delivery';
import type { DeliveryStatus } from '@arbiter/persistence';

/** An outbox event as stored, with where it goes (the submission's callbackUrl, else the client's endpoint). */
export interface StoredDeliveryEvent {
  id: string;
  clientId: string;
  status: DeliveryStatus;
  body: string;
  attempts: number;
  generation: number;
  retryFrom: Date;
  callbackUrl: string | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
}

/** One logged attempt (delivery_attempts). */
export type StoredAttempt = Omit<AttemptRecord, 'nextAttemptAt' | 'generation'> & {
  attempt: number;
};

type DeliveryPort = Pick<
  DeliveryEventRepository,
  'findForDelivery' | 'recordAttempt' | 'markNoEndpoint'
>;

/**
 * Outbox events, their attempt log and the clients' endpoints, with the real repository's
 * guard: an attempt is recorded only while the event is pending in the same round.
 */
export class InMemoryDeliveryEvents implements DeliveryPort {
  private readonly events = new Map<string, StoredDeliveryEvent>();
  private readonly endpoints = new Map<string, string | null>();
  readonly attempts: StoredAttempt[] = [];

  get repository(): DeliveryEventRepository {
    return this as unknown as DeliveryEventRepository;
  }

  /** Seeds a pending event in its first round. */
  add(overrides: Partial<StoredDeliveryEvent> = {}): StoredDeliveryEvent {
    const event: StoredDeliveryEvent = {
      id: randomUUID(),
      clientId: randomUUID(),
      status: 'pending',
      body: JSON.stringify({ type: 'submission.decided', data: { outcome: 'approved' } }),
      attempts: 0,
      generation: 1,
      retryFrom: new Date(),
      callbackUrl: null,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: null,
      deadAt: null,
      ...overrides,
    };
    this.events.set(event.id, event);
    return { ...event };
  }

  /** Sets (or, with null, clears) a client's default webhook endpoint. */
  setEndpoint(clientId: string, url: string | null): void {
    this.endpoints.set(clientId, url);
  }

  get(id: string): StoredDeliveryEvent | undefined {
    const event = this.events.get(id);
    return event && { ...event };
  }

  /** Starts a new round, as a replay does (the old round's jobs become stale). */
  replay(id: string): void {
    const event = this.events.get(id) as StoredDeliveryEvent;
    Object.assign(event, {
      status: 'pending',
      generation: event.generation + 1,
      attempts: 0,
      retryFrom: new Date(),
    });
  }

  async findForDelivery(eventId: string): Promise<EventForDelivery | null> {
    const e = this.events.get(eventId);
    if (!e) return null;
    const url = e.callbackUrl ?? this.endpoints.get(e.clientId) ?? null;
    return {
      id: e.id,
      clientId: e.clientId,
      status: e.status,
      body: e.body,
      attempts: e.attempts,
      generation: e.generation,
      retryFrom: e.retryFrom,
      url,
    };
  }

  async recordAttempt(a: AttemptRecord): Promise<boolean> {
    const e = this.events.get(a.eventId);
    if (!e || e.generation !== a.generation || e.status !== 'pending') return false;
    e.status = a.outcome === 'retry' ? 'pending' : a.outcome;
    e.attempts += 1;
    e.lastError = a.error;
    e.nextAttemptAt = a.nextAttemptAt ?? e.nextAttemptAt;
    if (e.status === 'delivered') e.deliveredAt = new Date();
    if (e.status === 'dead') e.deadAt = new Date();
    const { nextAttemptAt: _n, generation: _g, ...logged } = a;
    this.attempts.push({ ...logged, latencyMs: Math.round(a.latencyMs), attempt: e.attempts });
    return true;
  }

  async markNoEndpoint(eventId: string, generation: number): Promise<void> {
    const e = this.events.get(eventId);
    if (!e || e.generation !== generation || e.status !== 'pending') return;
    e.status = 'no_endpoint';
    e.lastError = 'no callbackUrl and no webhook endpoint';
  }
}

/** Clients' signing secrets (the secrets half of WebhookEndpointRepository). */
export class InMemoryWebhookSecrets implements Pick<
  WebhookEndpointRepository,
  'liveSecrets' | 'addSecretIfNone'
> {
  private readonly secrets = new Map<string, WebhookSecretRow[]>();

  get repository(): WebhookEndpointRepository {
    return this as unknown as WebhookEndpointRepository;
  }

  /** Adds a live secret for a client (newest first on reading). */
  add(clientId: string, secret: string, expiresAt: Date | null = null): void {
    const row = { id: randomUUID(), secret, createdAt: new Date(), expiresAt };
    this.secrets.set(clientId, [row, ...(this.secrets.get(clientId) ?? [])]);
  }

  async liveSecrets(clientId: string): Promise<WebhookSecretRow[]> {
    const now = Date.now();
    return (this.secrets.get(clientId) ?? []).filter(
      (s) => s.expiresAt === null || s.expiresAt.getTime() > now,
    );
  }

  async addSecretIfNone(clientId: string, _id: string, secret: string): Promise<boolean> {
    if ((await this.liveSecrets(clientId)).length > 0) return false;
    this.add(clientId, secret);
    return true;
  }
}

/** A POST the fake client received. */
export interface ReceivedPost {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The webhook HTTP client's answers, scripted per test; what was posted is kept. */
export class ScriptedWebhookClient implements Pick<WebhookHttpClient, 'post'> {
  readonly received: ReceivedPost[] = [];
  /** Runs while a request is in flight (to change the world under it). */
  whilePosting: (() => void) | null = null;
  private readonly answers: Partial<HttpAttempt>[] = [];

  get client(): WebhookHttpClient {
    return this as unknown as WebhookHttpClient;
  }

  /** Queues the next answers (a status code, a Retry-After, a network error…); 200 once they run out. */
  answer(...answers: Partial<HttpAttempt>[]): this {
    this.answers.push(...answers);
    return this;
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<HttpAttempt> {
    this.received.push({ url, headers: { ...headers }, body });
    this.whilePosting?.();
    const answer = this.answers.shift() ?? {};
    return {
      statusCode: 200,
      retryAfter: null,
      responseBody: '',
      error: null,
      blocked: false,
      latencyMs: 12,
      ...answer,
    };
  }
}
