import { randomUUID } from 'node:crypto';
import { PipelineEntity, PolicyVersionEntity } from '@arbiter/persistence';
import { validatePolicy } from '@arbiter/policy';
import {
  CatalogVersion,
  DomainEventMap,
  DomainEventName,
  DomainEvents,
  EventRow,
  PipelineRepository,
  PolicyCatalog,
  SubmissionRepository,
  SubmissionRow,
  TransitionPatch,
  TransitionRow,
} from '@arbiter/workflow';
import type { DataSource, EntityManager } from 'typeorm';
import { asJsonb, copyRow, InMemoryDatabase } from './in-memory-database';

/** A submission row with plausible defaults; override what the test is about. */
export function submissionRow(overrides: Partial<SubmissionRow> = {}): SubmissionRow {
  const now = new Date();
  return {
    id: randomUUID(),
    clientId: randomUUID(),
    pipelineId: randomUUID(),
    policyVersionId: randomUUID(),
    status: 'received',
    externalId: null,
    requestHash: 'hash',
    input: {
      prompt: 'What is the capital of France?',
      context: [{ id: 'd1', text: 'Paris is the capital and largest city of France.' }],
    },
    output: { text: 'The capital of France is Paris.' },
    model: { provider: 'openai', name: 'gpt-4o-mini' },
    promptVersion: null,
    metadata: null,
    callbackUrl: null,
    confidence: null,
    scoring: null,
    decision: null,
    createdAt: now,
    updatedAt: now,
    decidedAt: null,
    erasedAt: null,
    ...overrides,
  };
}

type SubmissionPort = Pick<
  SubmissionRepository,
  'findById' | 'findByIds' | 'applyTransition' | 'applyTransitions' | 'appendEvent'
>;

/** Submissions and their event rows, with the conditional transition of the real repository. */
export class InMemorySubmissions implements SubmissionPort {
  private readonly rows = new Map<string, SubmissionRow>();
  private readonly eventRows = new Map<string, EventRow[]>();

  constructor(private readonly db: InMemoryDatabase) {}

  /** The port as the use cases type it. */
  get repository(): SubmissionRepository {
    return this as unknown as SubmissionRepository;
  }

  /** Seeds a submission (committed). */
  add(row: SubmissionRow): SubmissionRow {
    this.rows.set(row.id, copyRow(row));
    this.eventRows.set(row.id, []);
    return row;
  }

  /** The committed state of a submission, as a later read would see it. */
  get(id: string): SubmissionRow | undefined {
    const row = this.rows.get(id);
    return row && copyRow(row);
  }

  /** The event rows appended to a submission since it was seeded, oldest first. */
  history(id: string): EventRow[] {
    return copyRow(this.eventRows.get(id) ?? []);
  }

  async findById(id: string): Promise<SubmissionRow | null> {
    return this.get(id) ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<SubmissionRow[]> {
    return ids.flatMap((id) => this.get(id) ?? []);
  }

  async applyTransition(
    id: string,
    from: string,
    to: string,
    patch: TransitionPatch,
    events: EventRow[],
    tx?: EntityManager | DataSource,
  ): Promise<SubmissionRow | null> {
    const row = this.rows.get(id);
    if (!row || row.status !== from) return null;
    const next: SubmissionRow = {
      ...row,
      status: to,
      updatedAt: new Date(),
      confidence: patch.confidence !== undefined ? patch.confidence : row.confidence,
      // COALESCE(new, old) in SQL: an absent (or null) patch keeps the stored value.
      scoring: (asJsonb(patch.scoring) as SubmissionRow['scoring']) ?? row.scoring,
      decision: (asJsonb(patch.decision) as SubmissionRow['decision']) ?? row.decision,
      decidedAt: patch.decided === true ? new Date() : row.decidedAt,
    };
    this.write(id, next, events, tx);
    return copyRow(next);
  }

  async applyTransitions(
    transitions: readonly TransitionRow[],
    tx?: EntityManager | DataSource,
  ): Promise<(SubmissionRow | null)[]> {
    const rows: (SubmissionRow | null)[] = [];
    for (const t of transitions) {
      rows.push(await this.applyTransition(t.id, t.from, t.to, t.patch, t.events, tx));
    }
    return rows;
  }

  async appendEvent(
    submissionId: string,
    event: EventRow,
    tx?: EntityManager | DataSource,
  ): Promise<void> {
    const row = this.rows.get(submissionId);
    if (!row) throw new Error(`submission ${submissionId} does not exist (foreign key)`);
    this.write(submissionId, row, [event], tx);
  }

  private write(
    id: string,
    next: SubmissionRow,
    events: EventRow[],
    tx?: EntityManager | DataSource,
  ): void {
    const previous = this.rows.get(id) as SubmissionRow;
    const log = this.eventRows.get(id) ?? [];
    const logLength = log.length;
    this.db.written(tx, () => {
      this.rows.set(id, previous);
      log.length = logLength;
    });
    this.rows.set(id, next);
    log.push(...events.map((e) => ({ ...e, data: asJsonb(e.data) })));
    this.eventRows.set(id, log);
  }
}

type PipelinePort = Pick<PipelineRepository, 'findByKey' | 'findVersion' | 'findVersionById'>;

/**
 * Pipelines and policy versions for the real PolicyCatalog. Documents go through the real
 * validator (defaults filled in), as every stored version has.
 */
export class InMemoryPolicies implements PipelinePort {
  private readonly pipelines = new Map<string, PipelineEntity>();
  private readonly versions = new Map<string, PolicyVersionEntity>();
  /** The real catalog, reading from this store. */
  readonly catalog = new PolicyCatalog(this as unknown as PipelineRepository);

  /** Validates `document` and stores it as the pipeline's next (active) version. */
  add(document: Record<string, unknown>): CatalogVersion {
    const key = typeof document.pipeline === 'string' ? document.pipeline : 'support';
    const { policy, problems } = validatePolicy({ pipeline: key, ...document });
    if (!policy) throw new Error(`invalid test policy: ${JSON.stringify(problems)}`);
    return this.store(key, policy as unknown as Record<string, unknown>);
  }

  /**
   * Stores a document as it is, without validation: a version written by an older release, or
   * by hand, that today's code may no longer understand.
   */
  addUnchecked(document: Record<string, unknown> & { pipeline: string }): CatalogVersion {
    return this.store(document.pipeline, document);
  }

  async findByKey(key: string): Promise<PipelineEntity | null> {
    return this.pipelines.get(key) ?? null;
  }

  async findVersion(pipelineId: string, version: number): Promise<PolicyVersionEntity | null> {
    return (
      [...this.versions.values()].find(
        (v) => v.pipelineId === pipelineId && v.version === version,
      ) ?? null
    );
  }

  async findVersionById(id: string): Promise<PolicyVersionEntity | null> {
    return this.versions.get(id) ?? null;
  }

  private store(key: string, document: Record<string, unknown>): CatalogVersion {
    const pipeline =
      this.pipelines.get(key) ??
      Object.assign(new PipelineEntity(), {
        id: randomUUID(),
        key,
        activeVersion: null,
        previousVersions: [],
        splitVersion: null,
        splitPercent: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    const version = Object.assign(new PolicyVersionEntity(), {
      id: randomUUID(),
      pipelineId: pipeline.id,
      version: (pipeline.activeVersion ?? 0) + 1,
      document: copyRow(document),
      checksum: randomUUID(),
      source: 'test',
      createdAt: new Date(),
    });
    pipeline.activeVersion = version.version;
    this.pipelines.set(key, pipeline);
    this.versions.set(version.id, version);
    return {
      id: version.id,
      pipelineId: pipeline.id,
      pipelineKey: key,
      version: version.version,
      policy: copyRow(document) as unknown as CatalogVersion['policy'],
    };
  }
}

/** A published domain event, and whether a transaction was still open when it was published. */
export interface PublishedEvent<E extends DomainEventName = DomainEventName> {
  name: E;
  payload: DomainEventMap[E];
  duringTransaction: boolean;
}

/** The real domain event bus, remembering what was published and when. */
export class RecordingDomainEvents extends DomainEvents {
  readonly published: PublishedEvent[] = [];

  constructor(private readonly db?: InMemoryDatabase) {
    super();
  }

  /** The names published, in order. */
  get names(): DomainEventName[] {
    return this.published.map((e) => e.name);
  }

  override async publish<E extends DomainEventName>(
    event: E,
    payload: DomainEventMap[E],
  ): Promise<void> {
    this.published.push({
      name: event,
      payload,
      duringTransaction: this.db?.inTransaction ?? false,
    } as PublishedEvent);
    await super.publish(event, payload);
  }
}
