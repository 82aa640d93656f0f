import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { WebhookHttpClient, webhookHeaders } from '@arbiter/delivery';
import { queryRows } from '@arbiter/persistence';
import { PolicyCatalog } from '@arbiter/workflow';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AlertRepository, AlertRow, NewAlert } from './alert.repository';

/** Attempts per notification, with doubling waits from this base. */
const ATTEMPTS = 3;
const RETRY_BASE_MS = 500;

export type AlertInput = Omit<NewAlert, 'id'>;

/** One place an alert is sent: the global targets (env) or the pipeline's own (its policy's `alerts`). */
export interface AlertTarget {
  kind: 'webhook' | 'slack';
  scope: 'global' | 'pipeline';
  url: string;
}

/**
 * Where an alert goes: every global target, and the targets of the pipeline's active policy; a
 * URL named both ways is sent to once (as global).
 */
export function alertTargets(
  global: { webhookUrl: string | null; slackUrl: string | null },
  pipeline: { webhookUrl?: string; slackUrl?: string } | undefined,
): AlertTarget[] {
  const targets: AlertTarget[] = [];
  const add = (kind: AlertTarget['kind'], scope: AlertTarget['scope'], url?: string | null) => {
    if (url && !targets.some((t) => t.kind === kind && t.url === url))
      targets.push({ kind, scope, url });
  };
  add('webhook', 'global', global.webhookUrl);
  add('slack', 'global', global.slackUrl);
  add('webhook', 'pipeline', pipeline?.webhookUrl);
  add('slack', 'pipeline', pipeline?.slackUrl);
  return targets;
}

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
    private readonly db: DataSource,
    private readonly catalog: PolicyCatalog,
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

  /**
   * Sends to every target: the global ones and the pipeline's own (its active policy's `alerts`,
   * read when the alert is sent, so a resolve goes where the policy says now). Returns when all
   * attempts are done (tests await it).
   */
  async notify(row: AlertRow, phase: 'firing' | 'resolved'): Promise<void> {
    const { webhookSecret } = this.config.alerts;
    const targets = alertTargets(this.config.alerts, await this.pipelineTargets(row.pipelineId));
    const sends: Promise<void>[] = [];
    for (const target of targets) {
      if (target.kind === 'slack') {
        sends.push(
          this.send(row, phase, target, {}, JSON.stringify({ text: slackText(row, phase) })),
        );
        continue;
      }
      if (!webhookSecret) {
        // Never sent unsigned: the receiver could not tell it from a forgery. Kept on the alert.
        await this.note(row, phase, target, 1, {
          statusCode: null,
          error: 'not sent: ARBITER_ALERT_WEBHOOK_SECRET is not set, and alert webhooks are signed',
        });
        this.logger.error({
          alert: row.key,
          msg: `alert webhook ${target.url} of the pipeline's policy not sent: set ARBITER_ALERT_WEBHOOK_SECRET`,
        });
        continue;
      }
      const body = JSON.stringify({
        type: `alert.${phase}`,
        timestamp: new Date().toISOString(),
        data: alertView(row),
      });
      const headers = webhookHeaders(`${row.id}:${phase}`, Math.floor(Date.now() / 1000), body, [
        webhookSecret,
      ]);
      sends.push(this.send(row, phase, target, headers, body));
    }
    await Promise.all(sends);
  }

  /** The `alerts` section of the pipeline's active policy, if any. */
  private async pipelineTargets(
    pipelineId: string | null,
  ): Promise<{ webhookUrl?: string; slackUrl?: string } | undefined> {
    if (!pipelineId) return undefined;
    try {
      const [active] = await queryRows<{ id: string }>(
        this.db,
        `SELECT v.id FROM pipelines p JOIN policy_versions v ON v.pipeline_id = p.id AND v.version = p.active_version
          WHERE p.id = $1`,
        [pipelineId],
      );
      return active ? (await this.catalog.versionById(active.id))?.policy.alerts : undefined;
    } catch (error) {
      // The global targets still get it; the pipeline's are named in the log.
      this.logger.error({
        pipelineId,
        msg: `alert targets of the pipeline not read: ${(error as Error).message}`,
      });
      return undefined;
    }
  }

  private async send(
    row: AlertRow,
    phase: string,
    target: AlertTarget,
    headers: Record<string, string>,
    body: string,
  ): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const result = await this.http.post(target.url, headers, body);
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      await this.note(row, phase, target, attempt, {
        statusCode: result.statusCode,
        error: result.error,
      });
      if (ok || result.blocked) return;
      if (attempt < ATTEMPTS)
        await new Promise((r) => setTimeout(r, RETRY_BASE_MS * 2 ** (attempt - 1)));
    }
    this.logger.error({
      alert: row.key,
      target: target.kind,
      scope: target.scope,
      msg: `alert notification failed after ${ATTEMPTS} attempts`,
    });
  }

  private note(
    row: AlertRow,
    phase: string,
    target: AlertTarget,
    attempt: number,
    outcome: { statusCode: number | null; error?: string | null },
  ): Promise<void> {
    return this.alerts
      .noteNotification(row.id, {
        target: target.kind,
        scope: target.scope,
        phase,
        attempt,
        statusCode: outcome.statusCode,
        error: outcome.error,
        at: new Date().toISOString(),
      })
      .catch(() => undefined);
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
