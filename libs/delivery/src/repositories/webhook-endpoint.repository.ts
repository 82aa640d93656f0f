import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ColumnMap, selectList } from '@arbiter/persistence';

export interface WebhookEndpointRow {
  url: string | null;
  subscribeRouted: boolean;
}

export interface WebhookSecretRow {
  id: string;
  secret: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** Where each field of WebhookEndpointRow lives in `webhook_endpoints`. */
const ENDPOINT_COLUMN_MAP: ColumnMap<WebhookEndpointRow> = {
  url: 'url',
  subscribeRouted: 'subscribe_routed',
};
const ENDPOINT_COLUMNS = selectList(ENDPOINT_COLUMN_MAP);

/** Where each field of WebhookSecretRow lives in `webhook_secrets`. */
const SECRET_COLUMN_MAP: ColumnMap<WebhookSecretRow> = {
  id: 'id',
  secret: 'secret',
  createdAt: 'created_at',
  expiresAt: 'expires_at',
};
const SECRET_COLUMNS = selectList(SECRET_COLUMN_MAP);

/** A client's default webhook endpoint and its signing secrets. */
@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly db: DataSource) {}

  async find(clientId: string): Promise<WebhookEndpointRow | null> {
    const rows: WebhookEndpointRow[] = await this.db.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE client_id = $1`,
      [clientId],
    );
    return rows[0] ?? null;
  }

  async upsert(clientId: string, endpoint: WebhookEndpointRow): Promise<void> {
    await this.db.query(
      `INSERT INTO webhook_endpoints (client_id, url, subscribe_routed) VALUES ($1, $2, $3)
       ON CONFLICT (client_id) DO UPDATE SET url = EXCLUDED.url, subscribe_routed = EXCLUDED.subscribe_routed,
         updated_at = now()`,
      [clientId, endpoint.url, endpoint.subscribeRouted],
    );
  }

  /** Secrets that still sign (not expired), newest first. */
  liveSecrets(clientId: string): Promise<WebhookSecretRow[]> {
    return this.db.query(
      `SELECT ${SECRET_COLUMNS} FROM webhook_secrets
        WHERE client_id = $1 AND (expires_at IS NULL OR expires_at > now())
        ORDER BY created_at DESC, id`,
      [clientId],
    );
  }

  /** Adds a secret unless the client already has a live one; returns whether it was added. */
  async addSecretIfNone(clientId: string, id: string, secret: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO webhook_secrets (id, client_id, secret)
       SELECT $1, $2, $3 WHERE NOT EXISTS (
         SELECT 1 FROM webhook_secrets WHERE client_id = $2 AND (expires_at IS NULL OR expires_at > now()))
       RETURNING id`,
      [id, clientId, secret],
    );
    return rows.length > 0;
  }

  /**
   * Adds a new secret and lets every live one expire after `overlapMs`, in one statement: during
   * the overlap both sign, so receivers can switch at their own pace.
   */
  async rotate(clientId: string, id: string, secret: string, overlapMs: number): Promise<void> {
    await this.db.query(
      `WITH old AS (
         UPDATE webhook_secrets SET expires_at = LEAST(COALESCE(expires_at, 'infinity'), now() + $4 * interval '1 millisecond')
          WHERE client_id = $2 AND (expires_at IS NULL OR expires_at > now())
       )
       INSERT INTO webhook_secrets (id, client_id, secret, created_at) VALUES ($1, $2, $3, clock_timestamp())`,
      [id, clientId, secret, overlapMs],
    );
  }
}
