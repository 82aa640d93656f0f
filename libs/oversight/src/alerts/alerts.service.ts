import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { WebhookHttpClient, webhookHeaders } from '@arbiter/delivery';
import { randomUUID } from 'node:crypto';
import { AlertRepository, AlertRow, NewAlert } from './alert.repository';

/** Attempts per notification, with doubling waits from this base. */
const ATTEMPTS = 3;
const RETRY_BASE_MS = 500;

export type AlertInput = Omit<NewAlert, 'id'>;

/**
 * Fires and resolves the loop's alerts: de-duplicated by key (a repeat of a firing alert sends
 * nothing), recorded in `alerts` (GET /v1/alerts), and sent to the configured targets: a JSON
 * webhook signed per Standard Webhooks, and a Slack incoming-webhook body. Sending never blocks
 * or fails the action that raised the alert; each attempt's outcome is kept on the alert.
 */
@Injectable()
export class Alerts {
  private readonly logger = new Logger(Alerts.name);

  constructor(
    private readonly alerts: AlertRepository,
    private readonly http: WebhookHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async fire(input: AlertInput): Promise<AlertRow | null> {
    const row = await this.alerts.fire({ id: randomUUID(), ...input });
    if (row) {
      this.logger.warn({ alert: row.key, msg: `alert firing: ${row.message}` });
      void this.notify(row, 'firing');
    }
    return row;
  }

  async resolve(key: string, message: string): Promise<AlertRow | null> {
    const row = await this.alerts.resolve(key, message);
    if (row) {
      this.logger.log({ alert: row.key, msg: `alert resolved: ${message}` });
      void this.notify(row, 'resolved');
    }
    return row;
  }

  /** Sends to every configured target; returns when all attempts are done (tests await it). */
  async notify(row: AlertRow, phase: 'firing' | 'resolved'): Promise<void> {
    const { webhookUrl, webhookSecret, slackUrl } = this.config.alerts;
    const sends: Promise<void>[] = [];
    if (webhookUrl && webhookSecret) {
      const id = `${row.id}:${phase}`;
      const body = JSON.stringify({
        type: `alert.${phase}`,
        timestamp: new Date().toISOString(),
        data: alertView(row),
      });
      const headers = webhookHeaders(id, Math.floor(Date.now() / 1000), body, [webhookSecret]);
      sends.push(this.send(row, phase, 'webhook', webhookUrl, headers, body));
    }
    if (slackUrl) {
      sends.push(
        this.send(
          row,
          phase,
          'slack',
          slackUrl,
          {},
          JSON.stringify({ text: slackText(row, phase) }),
        ),
      );
    }
    await Promise.all(sends);
  }

  private async send(
    row: AlertRow,
    phase: string,
    target: 'webhook' | 'slack',
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const result = await this.http.post(url, headers, body);
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      await this.alerts
        .noteNotification(row.id, {
          target,
          phase,
          attempt,
          statusCode: result.statusCode,
          error: result.error,
          at: new Date().toISOString(),
        })
        .catch(() => undefined);
      if (ok || result.blocked) return;
      if (attempt < ATTEMPTS)
        await new Promise((r) => setTimeout(r, RETRY_BASE_MS * 2 ** (attempt - 1)));
    }
    this.logger.error({
      alert: row.key,
      target,
      msg: `alert notification failed after ${ATTEMPTS} attempts`,
    });
  }
}

/** The alert as the API and the webhook body show it. */
export function alertView(row: AlertRow) {
  return {
    id: row.id,
    key: row.key,
    pipelineId: row.pipelineId,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    message: row.message,
    figures: row.figures,
    firedAt: row.firedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolveMessage: row.resolveMessage,
  };
}

function slackText(row: AlertRow, phase: 'firing' | 'resolved'): string {
  return phase === 'firing'
    ? `:rotating_light: [Arbiter ${row.severity}] ${row.message}`
    : `:white_check_mark: [Arbiter resolved] ${row.message}: ${row.resolveMessage ?? ''}`;
}
