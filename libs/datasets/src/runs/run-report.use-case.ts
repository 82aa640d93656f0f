import { Injectable } from '@nestjs/common';
import { diffWords } from 'diff';
import { DatasetsError, DatasetsErrorCode } from '../datasets.errors';
import { DatasetItemRepository } from '../items/dataset-item.repository';
import { Datasets } from '../items/datasets.use-case';
import { decodePageCursor, DEFAULT_PAGE_LIMIT, encodePageCursor, Page } from '../page-cursor';
import { outputText } from './item-verdict';
import { RegressionRunRepository, ResultRow, RunRow } from './regression-run.repository';
import { itemChange } from './run-summary';

export interface ItemDifference {
  itemId: string;
  submissionId: string | null;
  status: ResultRow['status'];
  /** Against the previous run: regressed, fixed, same, or new (no previous result). */
  change: 'regressed' | 'fixed' | 'same' | 'new';
  previousStatus: ResultRow['status'] | null;
  verdict: 'approved' | 'rejected' | 'edited' | null;
  reference: string | null;
  candidate: string | null;
  /** Word diff from the reference to the candidate: [-removed-]{+added+}. */
  diff: string | null;
  similarity: number | null;
  route: string | null;
  confidence: number | null;
  reason: string;
  provider: string | null;
  model: string | null;
  costUsd: number;
}

/** A run as people read it: figures, and each item's difference from its reference and from the previous run. */
@Injectable()
export class RegressionRunReport {
  constructor(
    private readonly datasets: Datasets,
    private readonly runs: RegressionRunRepository,
    private readonly items: DatasetItemRepository,
  ) {}

  async list(datasetId: string, limit: number): Promise<RunRow[]> {
    await this.datasets.get(datasetId);
    return this.runs.list(datasetId, limit);
  }

  /**
   * A run, and a page of its items' differences (by item id) with the cursor of the next page.
   * The run's figures cover every item; the cursor names the run, so another run's or another
   * list's is a 400.
   */
  async get(
    datasetId: string,
    runId: string,
    cursor?: string,
    limit = DEFAULT_PAGE_LIMIT,
  ): Promise<{ run: RunRow } & Page<ItemDifference>> {
    await this.datasets.get(datasetId);
    const run = await this.runs.find(runId);
    if (!run || run.datasetId !== datasetId)
      throw new DatasetsError(
        DatasetsErrorCode.RunNotFound,
        `Dataset ${datasetId} has no run ${runId}`,
      );
    const after = cursor ? decodePageCursor(cursor, runId, ['uuid'], "this run's items")[0] : null;
    // One more than shown: whether there is a next page, without a page that comes back empty.
    const rows = await this.runs.resultsPage(runId, run.previousRunId, after, limit + 1);
    const results = rows.slice(0, limit);
    const items = await this.items.byIds(
      datasetId,
      results.map((r) => r.itemId),
    );
    const byId = new Map(items.map((i) => [i.id, i]));
    const last = results[results.length - 1];
    return {
      run,
      items: results.map((r) => {
        const item = byId.get(r.itemId);
        const reference = item
          ? outputText(item.verdict === 'edited' ? item.correctedOutput : item.output)
          : null;
        const candidate = r.candidate?.text ?? null;
        return {
          itemId: r.itemId,
          submissionId: item?.submissionId ?? null,
          status: r.status,
          change: run.previousRunId ? itemChange(r.status, r.previousStatus ?? undefined) : 'new',
          previousStatus: r.previousStatus,
          verdict: item?.verdict ?? null,
          reference,
          candidate,
          diff: reference !== null && candidate !== null ? wordDiff(reference, candidate) : null,
          similarity: r.similarity,
          route: r.route,
          confidence: r.confidence,
          reason: r.reason,
          provider: r.provider,
          model: r.model,
          costUsd: r.costUsd,
        };
      }),
      nextCursor: rows.length > limit ? encodePageCursor(runId, [last.itemId]) : null,
    };
  }
}

function wordDiff(from: string, to: string): string {
  return diffWords(from, to)
    .map((part) =>
      part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value,
    )
    .join('');
}
