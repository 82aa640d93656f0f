import { Injectable, Logger } from '@nestjs/common';
import { eachIsolated } from '@arbiter/errors';
import { drawFor, Policy } from '@arbiter/policy';
import { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { Alerts } from '../alerts/alerts.service';
import { QaAuditRepository } from '../audit/qa-audit.repository';
import { BREAKER_DEFAULTS, breakerSettingsOf, judgesJumps } from '../oversight.settings';
import { AutomationRollout } from '../rollout/automation-rollout.service';
import {
  BreakerEvidence,
  BreakerSettings,
  BreakerState,
  BreakerStatus,
  BreakerTransition,
  breakerAllowsAutoApproval,
  evaluateBreaker,
  forceBreaker,
  releaseBreaker,
} from '../rules/circuit-breaker.rules';
import { BreakerRepository } from './breaker.repository';
import { JumpWindowRepository } from './jump-window.repository';

/** The jump windows, counted for a breaker closed since `since` (ms since the epoch). */
interface JumpEvidence {
  since: number;
  evidence: Pick<BreakerEvidence, 'gateFailures' | 'aiFaults'>;
}

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
    private readonly windows: JumpWindowRepository,
    private readonly pipelines: PipelineRepository,
    private readonly rollout: AutomationRollout,
  ) {}

  /**
   * Inside the approving transaction: the breaker's state under a share lock, read once however
   * many would-be approvals of the pipeline the transaction applies (see `admits`).
   */
  readShared(tx: EntityManager, pipelineId: string): Promise<BreakerStatus> {
    return this.breakers.readShared(tx, pipelineId);
  }

  /**
   * May this would-be automatic approval go out under `status`? Open: never; half-open: a
   * `halfOpenShare` of them by the submission's own draw; closed: always.
   */
  admits(
    status: BreakerStatus,
    policy: Policy,
    submissionId: string,
  ): { state: BreakerState; allowed: boolean } {
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

  /**
   * Judges the pipeline's breaker on its latest audits (and, when the policy asks for it, on jumps
   * of its gate-failure and AI-fault shares) under `policyVersionId`'s settings. A trip on evidence
   * also steps an evidence-gated rollout back.
   */
  async evaluate(
    pipelineId: string,
    policyVersionId: string,
    actor = 'oversight',
  ): Promise<BreakerTransition | null> {
    const policy = (await this.catalog.versionById(policyVersionId))?.policy;
    const settings = policy && breakerSettingsOf(policy);
    if (!settings) return null;
    // Counted before the row is locked: approvals wait on that lock, not on these counts.
    const jumps = judgesJumps(settings) ? await this.jumpEvidence(pipelineId, settings) : null;
    const transition = await this.change(pipelineId, policyVersionId, actor, async (tx, status) => {
      // Only audits since the current state began: a breaker that closed is not re-tripped by
      // the overturns that opened it, and half-open is judged on its own audits.
      const recent = await this.audits.recent(
        tx,
        pipelineId,
        Math.max(settings.window, settings.halfOpenAudits * 2),
      );
      const since = recent.filter((a) => a.at >= status.since);
      // Windows counted for another state (it moved meanwhile) are not this one's evidence.
      const counted = jumps && jumps.since === status.since ? jumps.evidence : {};
      return evaluateBreaker(status, { recentAudits: since, ...counted }, settings, Date.now());
    });
    if (transition?.to === 'open') await this.rollout.onTrip(pipelineId, policyVersionId);
    return transition;
  }

  /**
   * Run by the maintenance schedule: open breakers whose cool-down has run out become half-open,
   * and closed breakers of pipelines whose active policy judges jumps are judged on their windows.
   */
  async sweep(): Promise<number> {
    let moved = 0;
    const open = await this.breakers.openPipelines();
    const active = await this.pipelines.listActive();
    const activeVersion = new Map(active.map((p) => [p.id, p.activeVersionId]));
    const skip = new Set(open.map((o) => o.pipelineId));
    const judged = [
      // A breaker forced open and released was never tripped on evidence, so its row names no
      // policy version: its cool-down is judged under the pipeline's active one.
      ...open.map(({ pipelineId, policyVersionId }) => ({
        pipelineId,
        versionId: policyVersionId ?? activeVersion.get(pipelineId),
        jumpsOnly: false,
      })),
      ...active
        .filter(({ id }) => !skip.has(id))
        .map(({ id, activeVersionId }) => ({
          pipelineId: id,
          versionId: activeVersionId,
          jumpsOnly: true,
        })),
    ];
    await eachIsolated(
      'breaker sweep',
      judged,
      (j) => `pipeline ${j.pipelineId}`,
      async ({ pipelineId, versionId, jumpsOnly }) => {
        if (!versionId) return;
        if (jumpsOnly) {
          const policy = (await this.catalog.versionById(versionId))?.policy;
          const settings = policy && breakerSettingsOf(policy);
          if (!settings || !judgesJumps(settings)) return;
        }
        if (await this.evaluate(pipelineId, versionId, 'oversight')) moved++;
      },
      this.logger,
    );
    return moved;
  }

  /**
   * The gate-failure and AI-fault shares of a closed breaker's two windows: the current one runs
   * from `jumpWindow` ago, or from when the breaker last closed if that is later (a close starts
   * the judgement afresh), to now; the baseline is the `jumpWindow` just before it. Null when the
   * breaker is not closed or is forced: only a closed breaker trips on a jump.
   */
  private async jumpEvidence(
    pipelineId: string,
    settings: BreakerSettings,
  ): Promise<JumpEvidence | null> {
    const status = await this.breakers.read(pipelineId);
    if (status.state !== 'closed' || status.forced) return null;
    const now = Date.now();
    const from = new Date(Math.max(now - settings.jumpWindowMs, status.since));
    const to = new Date(now);
    const [gateFailures, aiFaults] = await Promise.all([
      Number.isFinite(settings.maxGateFailureJump)
        ? this.windows.gateFailures(pipelineId, from, to, settings.jumpWindowMs)
        : undefined,
      Number.isFinite(settings.maxAiFaultJump)
        ? this.windows.aiFaults(pipelineId, from, to, settings.jumpWindowMs)
        : undefined,
    ]);
    return {
      since: status.since,
      evidence: {
        ...(gateFailures ? { gateFailures } : {}),
        ...(aiFaults ? { aiFaults } : {}),
      },
    };
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
