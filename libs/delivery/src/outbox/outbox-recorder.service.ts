import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import {
  DeliveryEventRepository,
  NewDeliveryEvent,
} from '../repositories/delivery-event.repository';
import {
  SubmissionRepository,
  SubmissionRow,
  DomainEvents,
  PolicyCatalog,
  SubmissionMoved,
} from '@arbiter/workflow';
import { deterministicUuid, GroupCommit, mayBeOneRow } from '@arbiter/persistence';
import { QueueProducer } from '@arbiter/queue';
import { EndpointDirectory } from './endpoint-directory.service';
import { EntityManager } from 'typeorm';
import {
  AuditFailure,
  buildAuditFailedBody,
  buildOutcomeBody,
  eventTypeFor,
} from './outcome-event.builder';

/**
 * Records an outbox event after every committed transition into a final state (and into a
 * routed state for clients that subscribe), then enqueues its delivery. If the process dies in
 * between, the delivery reconciler records the missing event or re-enqueues the lost job.
 * Events recorded at the same moment (a group of score jobs) share one insert (one commit).
 */
@Injectable()
export class OutboxRecorder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRecorder.name);
  private readonly recorder: GroupCommit<NewDeliveryEvent, boolean>;

  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly submissions: SubmissionRepository,
    private readonly endpoints: EndpointDirectory,
    private readonly events: DeliveryEventRepository,
    private readonly catalog: PolicyCatalog,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.recorder = new GroupCommit<NewDeliveryEvent, boolean>(
      {
        many: async (group) => {
          const recorded = await events.recordMany(group);
          // The same event twice in one group is recorded once: only its first copy says so.
          return group.map((e) => recorded.delete(e.id));
        },
        one: (event) => events.record(event),
        mayBeOneItem: mayBeOneRow,
      },
      { windowMs: config.worker.scoreBatchWindowMs, max: config.worker.scoreBatchMax },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.recorder.drain();
  }

  onModuleInit(): void {
    const record = (moved: SubmissionMoved) => this.onTransition(moved);
    for (const event of [
      'submission.approved',
      'submission.rejected',
      'submission.expired',
      'submission.sent_to_ai_review',
      'submission.sent_to_human_review',
    ] as const) {
      this.domainEvents.subscribe('delivery.record-outcome', event, record);
    }
  }

  /**
   * Records the event of the submission's arrival in `state` (from `known`, the row as the
   * transition left it, when the caller has it); false when none is due or it exists.
   */
  async record(submissionId: string, state: string, known?: SubmissionRow): Promise<boolean> {
    const type = eventTypeFor(state);
    if (!type) return false;
    const row = known ?? (await this.submissions.findById(submissionId));
    if (!row) return false;
    const endpoint = await this.endpoints.find(row.clientId);
    if (type === 'submission.routed' && !endpoint?.subscribeRouted) return false;
    const version = await this.catalog.versionById(row.policyVersionId);
    const id = eventIdOf(submissionId, state);
    const url = row.callbackUrl ?? endpoint?.url ?? null;
    const body = buildOutcomeBody(
      type,
      state,
      { ...row, pipeline: version?.pipelineKey ?? '', decision: row.decision, output: row.output },
      new Date(),
    );
    const recorded = await this.recorder.submit({
      id,
      clientId: row.clientId,
      submissionId,
      type,
      state,
      body,
      status: url ? 'pending' : 'no_endpoint',
    });
    if (recorded && url) {
      await this.producer.enqueueDelivery(id, 0).catch((error: Error) =>
        this.logger.warn({
          submissionId,
          eventId: id,
          msg: `enqueue failed, the reconciler will retry: ${error.message}`,
        }),
      );
    }
    return recorded;
  }

  /**
   * Inside the audit's transaction: the `audit.failed` event of an overturned automatic approval,
   * so it is recorded exactly when the verdict is. Returns its id when it must be enqueued (after
   * the commit, with enqueue()); a lost enqueue is re-driven by the delivery reconciler.
   */
  async recordAuditFailed(
    tx: EntityManager,
    row: SubmissionRow,
    audit: AuditFailure,
  ): Promise<string | null> {
    const endpoint = await this.endpoints.find(row.clientId);
    const version = await this.catalog.versionById(row.policyVersionId);
    const state = `audit.failed:${audit.taskId}`;
    const id = eventIdOf(row.id, state);
    const url = row.callbackUrl ?? endpoint?.url ?? null;
    const body = buildAuditFailedBody(
      { ...row, pipeline: version?.pipelineKey ?? '' },
      audit,
      new Date(),
    );
    const recorded = await this.events.record(
      {
        id,
        clientId: row.clientId,
        submissionId: row.id,
        type: 'audit.failed',
        state,
        body,
        status: url ? 'pending' : 'no_endpoint',
      },
      tx,
    );
    return recorded && url ? id : null;
  }

  /** Enqueues a recorded event's delivery; a failure is left to the reconciler. */
  async enqueue(eventId: string, submissionId: string): Promise<void> {
    await this.producer.enqueueDelivery(eventId, 0).catch((error: Error) =>
      this.logger.warn({
        submissionId,
        eventId,
        msg: `enqueue failed, the reconciler will retry: ${error.message}`,
      }),
    );
  }

  private async onTransition({
    submissionId,
    clientId,
    to,
    submission,
  }: SubmissionMoved): Promise<void> {
    const type = eventTypeFor(to);
    if (!type) return;
    // Most clients do not subscribe to routed events: answer that from the cache, no row read.
    if (type === 'submission.routed' && !(await this.endpoints.find(clientId))?.subscribeRouted)
      return;
    await this.record(submissionId, to, submission);
  }
}

/**
 * One id per submission and state, whoever records it (the listener, the reconciler, a replay of
 * a transition lost with an asynchronous commit): the webhook-id never changes for an outcome.
 */
export function eventIdOf(submissionId: string, state: string): string {
  return deterministicUuid(`delivery-event:${submissionId}:${state}`);
}
