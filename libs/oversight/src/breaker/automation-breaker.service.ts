import { Injectable, Logger } from '@nestjs/common';
import { drawFor, Policy } from '@arbiter/policy';
import { PolicyCatalog } from '@arbiter/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { Alerts } from '../alerts/alerts.service';
import { QaAuditRepository } from '../audit/qa-audit.repository';
import { BREAKER_DEFAULTS, breakerSettingsOf } from '../oversight.settings';
import {
  BreakerState,
  BreakerStatus,
  BreakerTransition,
  breakerAllowsAutoApproval,
  evaluateBreaker,
  forceBreaker,
  releaseBreaker,
} from '../rules/circuit-breaker.rules';
import { BreakerRepository } from './breaker.repository';

/** The salt of the half-open draw: independent of the rollout and QA draws of the same id. */
const HALF_OPEN_SALT = 'breaker';

/**
 * Each pipeline's automation breaker: consulted (under a share lock) by every would-be automatic
 * approval, evaluated after every audit verdict and by the cool-down sweep, forced by leads. Every
 * change is written with its cause and figures into the pipeline's history in the same transaction.
 */
@Injectable()
export class AutomationBreaker {
  private readonly logger = new Logger(AutomationBreaker.name);

  constructor(
    private readonly db: DataSource,
    private readonly breakers: BreakerRepository,
    private readonly audits: QaAuditRepository,
    private readonly catalog: PolicyCatalog,
    private readonly alerts: Alerts,
  ) {}

  /**
   * Inside the approving transaction: may this would-be automatic approval go out? Open: never;
   * half-open: a `halfOpenShare` of them by the submission's own draw; closed: always.
   */
  async admit(
    tx: EntityManager,
    pipelineId: string,
    policy: Policy,
    submissionId: string,
  ): Promise<{ state: BreakerState; allowed: boolean }> {
    const status = await this.breakers.readShared(tx, pipelineId);
    const share = breakerSettingsOf(policy)?.halfOpenShare ?? BREAKER_DEFAULTS.halfOpenShare;
    return {
      state: status.state,
      allowed: breakerAllowsAutoApproval(
        status.state,
        drawFor(submissionId, HALF_OPEN_SALT),
        share,
      ),
    };
  }

  status(pipelineId: string): Promise<BreakerStatus> {
    return this.breakers.read(pipelineId);
  }

  /** Judges the pipeline's breaker on its latest audits under `policyVersionId`'s settings. */
  async evaluate(
    pipelineId: string,
    policyVersionId: string,
    actor = 'oversight',
  ): Promise<BreakerTransition | null> {
    const policy = (await this.catalog.versionById(policyVersionId))?.policy;
    const settings = policy && breakerSettingsOf(policy);
    if (!settings) return null;
    return this.change(pipelineId, policyVersionId, actor, async (tx, status) => {
      // Only audits since the current state began: a breaker that closed is not re-tripped by
      // the overturns that opened it, and half-open is judged on its own audits.
      const recent = await this.audits.recent(
        tx,
        pipelineId,
        Math.max(settings.window, settings.halfOpenAudits * 2),
      );
      const since = recent.filter((a) => a.at >= status.since);
      return evaluateBreaker(status, { recentAudits: since }, settings, Date.now());
    });
  }

  /** Open breakers whose cool-down has run out become half-open (run by the maintenance schedule). */
  async sweep(): Promise<number> {
    let moved = 0;
    for (const { pipelineId, policyVersionId } of await this.breakers.openPipelines()) {
      if (policyVersionId && (await this.evaluate(pipelineId, policyVersionId, 'oversight')))
        moved++;
    }
    return moved;
  }

  /** A lead forces the breaker open or closed with a reason; evidence is ignored until release. */
  force(
    pipelineId: string,
    state: 'open' | 'closed',
    reason: string,
    by: string,
  ): Promise<BreakerTransition | null> {
    return this.change(pipelineId, null, by, async (_tx, status) =>
      forceBreaker(status, { state, reason, by, at: Date.now() }),
    );
  }

  release(pipelineId: string, by: string, reason: string): Promise<BreakerTransition | null> {
    return this.change(pipelineId, null, by, async (_tx, status) => {
      const released = releaseBreaker(status, by, Date.now());
      return released.transition
        ? {
            ...released,
            transition: {
              ...released.transition,
              message: `${released.transition.message}: ${reason}`,
            },
          }
        : released;
    });
  }

  /** Open: a critical alert (once, whatever the cause); closed again: its resolve. */
  private async alert(pipelineId: string, t: BreakerTransition): Promise<void> {
    const key = `breaker-open:${pipelineId}`;
    const [pipeline] = (await this.db.query(`SELECT key FROM pipelines WHERE id = $1`, [
      pipelineId,
    ])) as { key: string }[];
    const name = pipeline?.key ?? pipelineId;
    if (t.to === 'open') {
      await this.alerts.fire({
        key,
        pipelineId,
        kind: 'breaker_open',
        severity: 'critical',
        message: `Pipeline ${name}: automation breaker open, automatic approvals held (${t.message})`,
        figures: t.figures,
      });
    } else if (t.to === 'closed') {
      await this.alerts.resolve(key, `Pipeline ${name}: automation breaker closed (${t.message})`);
    }
  }

  private async change(
    pipelineId: string,
    policyVersionId: string | null,
    actor: string,
    decide: (
      tx: EntityManager,
      status: BreakerStatus,
    ) => Promise<{ status: BreakerStatus; transition?: BreakerTransition }>,
  ): Promise<BreakerTransition | null> {
    const transition = await this.db.transaction(async (tx) => {
      const status = await this.breakers.lock(tx, pipelineId);
      const next = await decide(tx, status);
      if (!next.transition) return null;
      await this.breakers.save(
        tx,
        pipelineId,
        policyVersionId,
        next.status,
        next.transition,
        actor,
      );
      return next.transition;
    });
    if (transition) {
      await this.alert(pipelineId, transition).catch((error: Error) =>
        this.logger.error({ pipelineId, msg: `breaker alert not recorded: ${error.message}` }),
      );
      this.logger.warn({
        pipelineId,
        ...transition,
        actor,
        msg: `automation breaker ${transition.from} → ${transition.to}: ${transition.message}`,
      });
    }
    return transition;
  }
}
