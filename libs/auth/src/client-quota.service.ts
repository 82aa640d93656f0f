import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { queryRows } from '@arbiter/persistence';
import { QueueProducer } from '@arbiter/queue';
import { DataSource } from 'typeorm';

// A client's rate is read on its first request and then every so often, like its keys: a change
// applies at once on the replica that made it, within this TTL on the others.
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 10_000;

/**
 * Per-client request quotas: at most N requests per second per API key (the client's own rate,
 * else ARBITER_CLIENT_REQUESTS_PER_SECOND; none when both are unset), counted in Redis so every
 * api replica shares one count. Windows are whole seconds of the replica's clock.
 */
@Injectable()
export class ClientQuota {
  private readonly rates = new Map<string, { rate: number | null; expires: number }>();

  constructor(
    private readonly db: DataSource,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts a request of this key; the seconds to wait when it is over the client's rate, else 0. */
  async admit(clientId: string, keyId: string): Promise<number> {
    const rate = (await this.rateOf(clientId)) ?? this.config.clientRequestsPerSecond;
    if (!rate) return 0;
    const now = Date.now();
    const key = `${this.config.redisPrefix}:quota:${keyId}:${Math.floor(now / 1000)}`;
    const result = await this.producer.connection.multi().incr(key).pexpire(key, 2000).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    return count > rate ? 1 : 0;
  }

  /** Sets (or, with null, clears) a client's own rate; false when the client does not exist. */
  async setRate(clientId: string, requestsPerSecond: number | null): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `UPDATE clients SET requests_per_second = $2 WHERE id = $1 RETURNING id`,
      [clientId, requestsPerSecond],
    );
    this.rates.delete(clientId);
    return rows.length > 0;
  }

  /** The client's own rate (null: the default), as this replica currently applies it. */
  async rateOf(clientId: string): Promise<number | null> {
    const now = Date.now();
    const hit = this.rates.get(clientId);
    if (hit && hit.expires > now) return hit.rate;
    const rows = await queryRows<{ rate: number | null }>(
      this.db,
      `SELECT requests_per_second AS rate FROM clients WHERE id = $1`,
      [clientId],
    );
    const rate = rows[0]?.rate ?? null;
    if (this.rates.size >= CACHE_MAX) this.rates.clear();
    this.rates.set(clientId, { rate, expires: now + CACHE_TTL_MS });
    return rate;
  }
}
