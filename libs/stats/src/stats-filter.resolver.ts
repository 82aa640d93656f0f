import { Injectable } from '@nestjs/common';
import { StatsFilter } from './flow.repository';
import { StatsQueryError } from './stats.errors';
import { StatsScopeRepository } from './stats-scope.repository';
import { MAX_RANGE_MS, MINUTE_GRAIN_MAX_MS, resolveRange } from './stats-rules';

/** The filters as they arrive (already shape-validated by the DTO). */
export interface StatsQuery {
  pipeline?: string;
  queue?: string;
  from?: string;
  to?: string;
  grain?: 'minute' | 'hour';
  /** The workspace of the reader: only its pipelines and queues count (null: every workspace). */
  workspaceId?: string | null;
}

/** A validated filter plus the queues it covers (null: every queue of every workspace). */
export interface StatsScope {
  filter: StatsFilter;
  queues: string[] | null;
}

export const DEFAULT_RANGE_MS = 3_600_000;

/** Turns a lead's filters into rollup keys; a filter that cannot hold is refused naming its field. */
@Injectable()
export class StatsFilterResolver {
  constructor(private readonly scope: StatsScopeRepository) {}

  async resolve(query: StatsQuery, now = new Date()): Promise<StatsScope> {
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
    if (from.getTime() >= to.getTime()) throw new StatsQueryError('from', 'from must be before to');
    if (to.getTime() - from.getTime() > MAX_RANGE_MS)
      throw new StatsQueryError(
        'from',
        `from..to may span at most ${MAX_RANGE_MS / 86_400_000} days`,
      );
    if (query.grain === 'minute' && to.getTime() - from.getTime() > MINUTE_GRAIN_MAX_MS) {
      throw new StatsQueryError(
        'grain',
        `grain=minute allows a range of at most ${MINUTE_GRAIN_MAX_MS / 3_600_000} hours; use grain=hour`,
      );
    }
    const range = resolveRange(
      from,
      to,
      query.grain === 'minute' ? 'm' : query.grain === 'hour' ? 'h' : undefined,
    );
    const workspaceId = query.workspaceId ?? null;
    let pipelineId: string | undefined;
    let queues: string[] | null = query.queue ? [query.queue] : null;
    if (workspaceId) {
      // Another workspace's queue is no queue here: it narrows to nothing, as an unknown one does.
      const own = await this.scope.queuesOfWorkspace(workspaceId);
      queues = queues ? queues.filter((q) => own.includes(q)) : own;
    }
    if (query.pipeline) {
      pipelineId = (await this.scope.pipelineId(query.pipeline, workspaceId)) ?? undefined;
      if (!pipelineId)
        throw new StatsQueryError('pipeline', `pipeline: no pipeline "${query.pipeline}"`);
      const fed = await this.scope.queuesOfPipeline(pipelineId);
      queues = queues ? queues.filter((q) => fed.includes(q)) : fed;
    }
    return { filter: { pipelineId, queue: query.queue, range, workspaceId }, queues };
  }
}
