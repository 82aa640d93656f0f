import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DatasetsError, DatasetsErrorCode, FieldProblem } from '../datasets.errors';
import { decodePageCursor, DEFAULT_PAGE_LIMIT, encodePageCursor, Page } from '../page-cursor';
import {
  DatasetItemCursor,
  DatasetItemRepository,
  DatasetItemRow,
  itemPages,
} from './dataset-item.repository';
import { DatasetRepository, DatasetRow, DatasetRule } from './dataset.repository';

export interface CreateDataset {
  pipeline: string;
  client: string;
  name: string;
  prompt?: string;
  rules?: DatasetRule[];
  schedule?: 'none' | 'daily';
  minPassRate?: number;
  minSimilarity?: number;
}

/** A run below this pass rate fails, unless the dataset says otherwise. */
export const DEFAULT_MIN_PASS_RATE = 0.9;
/** Token overlap with the reference an output needs to pass, unless the dataset says otherwise. */
export const DEFAULT_MIN_SIMILARITY = 0.5;
/** Rules re-read this far behind their watermark: a decision committed late is still seen (the insert is idempotent). */
const COLLECT_OVERLAP_MS = 5 * 60_000;
// An export reads in pages of this many items, so its memory does not grow with the dataset.
const EXPORT_PAGE = 1000;

/** Datasets built from reviewers' work: created per pipeline and client, filled by id or by rule, exported. */
@Injectable()
export class Datasets {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly items: DatasetItemRepository,
  ) {}

  /** Creates a dataset of a pipeline of the caller's workspace (null: any), with its client and prompt. */
  async create(c: CreateDataset, workspaceId: string | null = null): Promise<DatasetRow> {
    const refs = await this.datasets.references(c.pipeline, c.client, c.prompt, workspaceId);
    const problems: FieldProblem[] = [];
    if (!refs.pipelineId)
      problems.push({ path: 'pipeline', message: `no pipeline "${c.pipeline}"` });
    if (!refs.clientExists) problems.push({ path: 'client', message: `no client ${c.client}` });
    if (c.prompt !== undefined && !refs.promptId)
      problems.push({ path: 'prompt', message: `no prompt "${c.prompt}"` });
    if (problems.length)
      throw new DatasetsError(
        DatasetsErrorCode.UnknownReference,
        problems.map((p) => `${p.path}: ${p.message}`).join('; '),
        problems,
      );
    const id = randomUUID();
    const created = await this.datasets.create({
      id,
      pipelineId: refs.pipelineId as string,
      clientId: c.client,
      name: c.name,
      promptId: refs.promptId,
      rules: (c.rules ?? []).map((r) => ({ kind: r.kind, ...(r.queue ? { queue: r.queue } : {}) })),
      schedule: c.schedule ?? 'none',
      minPassRate: c.minPassRate ?? DEFAULT_MIN_PASS_RATE,
      minSimilarity: c.minSimilarity ?? DEFAULT_MIN_SIMILARITY,
    });
    if (!created)
      throw new DatasetsError(
        DatasetsErrorCode.NameTaken,
        `Pipeline "${c.pipeline}" already has a dataset "${c.name}"`,
        [{ path: 'name', message: 'is taken in this pipeline' }],
      );
    if (c.rules?.length) await this.collect(await this.get(id));
    return this.get(id);
  }

  async get(id: string): Promise<DatasetRow> {
    const row = await this.datasets.findById(id);
    if (!row) throw new DatasetsError(DatasetsErrorCode.DatasetNotFound, `No dataset ${id}`);
    return row;
  }

  /** Datasets of the workspace's pipelines (null: of every workspace), of one pipeline when given. */
  list(pipeline?: string, workspaceId: string | null = null): Promise<DatasetRow[]> {
    return this.datasets.list(pipeline, workspaceId);
  }

  /**
   * Adds decided submissions by id. Each must be of the dataset's pipeline and client and decided
   * by a person; otherwise nothing is added and every refused id is named.
   */
  async addItems(
    id: string,
    submissionIds: string[],
  ): Promise<{ added: number; dataset: DatasetRow }> {
    const dataset = await this.get(id);
    const found = new Map(
      (await this.items.eligibility(submissionIds, dataset.pipelineId)).map((s) => [s.id, s]),
    );
    const problems: FieldProblem[] = [];
    submissionIds.forEach((sid, i) => {
      const s = found.get(sid);
      const path = `submissionIds[${i}]`;
      if (!s) problems.push({ path, message: `no submission ${sid}` });
      else if (s.clientId !== dataset.clientId)
        problems.push({
          path,
          message: `submission ${sid} belongs to another client than the dataset's`,
        });
      else if (s.pipelineId !== dataset.pipelineId)
        problems.push({
          path,
          message: `submission ${sid} is of another pipeline than "${dataset.pipeline}"`,
        });
      else if (s.decidedBy !== 'human' || !['approved', 'rejected'].includes(s.status))
        problems.push({
          path,
          message: `submission ${sid} was not decided by a person (status ${s.status})`,
        });
    });
    if (problems.length)
      throw new DatasetsError(
        DatasetsErrorCode.IneligibleItem,
        problems.map((p) => `${p.path}: ${p.message}`).join('; '),
        problems,
      );
    const added = await this.items.addSubmissions(id, [...new Set(submissionIds)]);
    return { added, dataset: await this.get(id) };
  }

  async removeItem(id: string, itemId: string): Promise<void> {
    await this.get(id);
    if (!(await this.items.remove(id, itemId)))
      throw new DatasetsError(
        DatasetsErrorCode.ItemNotFound,
        `Dataset ${id} has no item ${itemId}`,
      );
  }

  /**
   * A page of the dataset's items, oldest first (the export's order), and the cursor of the next
   * page. The cursor names the dataset: another dataset's, or another list's, is a 400.
   */
  async listItems(
    id: string,
    cursor?: string,
    limit = DEFAULT_PAGE_LIMIT,
  ): Promise<Page<DatasetItemRow>> {
    await this.get(id);
    const after = cursor ? itemCursor(id, cursor) : null;
    // One more than shown: whether there is a next page, without a page that comes back empty.
    const rows = await this.items.page(id, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? encodePageCursor(id, [last.cursorAt, last.id]) : null,
    };
  }

  /**
   * The items as JSON Lines (input, output, verdict, corrected output and reasons, for evaluation
   * or fine-tuning), in the order of listItems' pages, a page of lines at a time: a dataset can
   * hold more than one string can (the audit export, joined whole, failed with "Invalid string
   * length").
   * The dataset is looked up first, so an unknown one is refused before any byte is sent.
   */
  async exportJsonl(id: string): Promise<AsyncIterable<string>> {
    await this.get(id);
    return this.pagesOfLines(id);
  }

  private async *pagesOfLines(id: string): AsyncGenerator<string> {
    for await (const rows of itemPages(this.items, id, EXPORT_PAGE))
      if (rows.length) yield rows.map(exportLine).join('');
  }

  /** Applies a dataset's rules to what was decided since its last collection; returns how many items it took in. */
  async collect(dataset: DatasetRow, now = new Date()): Promise<number> {
    const mark = `collect:${dataset.id}`;
    const last = await this.items.watermark(mark);
    const since = last ? new Date(last.getTime() - COLLECT_OVERLAP_MS) : new Date(0);
    let added = 0;
    for (const rule of dataset.rules) added += await this.items.collect(dataset, rule, since);
    await this.items.setWatermark(mark, now);
    return added;
  }

  /** The maintenance job: every dataset with rules collects. */
  async collectAll(): Promise<{ datasets: number; added: number }> {
    let added = 0;
    const all = await this.datasets.withRules();
    for (const d of all) added += await this.collect(d);
    return { datasets: all.length, added };
  }
}

function itemCursor(datasetId: string, cursor: string): DatasetItemCursor {
  const [at, id] = decodePageCursor(cursor, datasetId, ['instant', 'uuid'], "this dataset's items");
  return { at, id };
}

/** One item as a line of the export. */
function exportLine(r: DatasetItemRow): string {
  const line = {
    id: r.id,
    submissionId: r.submissionId,
    input: r.input,
    variables: r.variables,
    language: r.language,
    output: r.output,
    verdict: r.verdict,
    correctedOutput: r.correctedOutput,
    reasons: r.reasons,
  };
  return `${JSON.stringify(line)}\n`;
}
