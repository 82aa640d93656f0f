import { Injectable } from '@nestjs/common';
import { ColumnMap, pickColumns, queryRows, selectList } from '@arbiter/persistence';
import { SUBMISSION_COLUMN_MAP } from '@arbiter/workflow';
import { DataSource, EntityManager } from 'typeorm';
import { DatasetRule } from './dataset.repository';

export interface DatasetItemRow {
  id: string;
  submissionId: string | null;
  source: 'api' | 'rule';
  verdict: 'approved' | 'rejected' | 'edited';
  input: { prompt?: string; context?: { id: string; text: string }[]; language?: string };
  /** The values the prompt is rendered with: the submission's metadata.variables, else {prompt, context}. */
  variables: Record<string, unknown>;
  language: string | null;
  /** The model's original output. */
  output: { text?: string; json?: unknown };
  /** The reviewer's edit: the reference output when present. */
  correctedOutput: { text?: string; json?: unknown } | null;
  reasons: string[];
  createdAt: Date;
}

/** Where a page of items ended: the last item's created_at at Postgres' microseconds (as text), and its id. */
export interface DatasetItemCursor {
  at: string;
  id: string;
}

/** An item of a page, with the cursor that ends a page on it. */
export type DatasetItemPageRow = DatasetItemRow & { cursorAt: string };

/** What decides whether a submission may become an item of a dataset. */
export interface SubmissionEligibility {
  id: string;
  clientId: string;
  pipelineId: string;
  status: string;
  decidedBy: string | null;
}

/** Where each field of DatasetItemRow lives in `dataset_items`. */
const ITEM_COLUMN_MAP: ColumnMap<DatasetItemRow> = {
  id: 'id',
  submissionId: 'submission_id',
  source: 'source',
  verdict: 'verdict',
  input: 'input',
  variables: 'variables',
  language: 'language',
  output: 'output',
  correctedOutput: 'corrected_output',
  reasons: 'reasons',
  createdAt: 'created_at',
};
const ITEM = selectList(ITEM_COLUMN_MAP);
const ITEM_OF_I = selectList(ITEM_COLUMN_MAP, { table: 'i' });

// Who decided is computed (read from the decision document).
const ELIGIBILITY_COLUMN_MAP: ColumnMap<Omit<SubmissionEligibility, 'decidedBy'>> = pickColumns(
  SUBMISSION_COLUMN_MAP,
  ['id', 'clientId', 'pipelineId', 'status'] as const,
);
const ELIGIBILITY = selectList(ELIGIBILITY_COLUMN_MAP);

/**
 * A human-decided submission as an item: verdict (an approval with an edit is `edited`), the
 * original output, the edit as the corrected output, reason codes, and the prompt variables.
 */
const ITEM_FROM_SUBMISSION = `
  SELECT gen_random_uuid(), $1::uuid, s.id, $2,
         CASE WHEN s.decision->>'outcome' = 'rejected' THEN 'rejected' WHEN s.decision->>'edited' = 'true' THEN 'edited' ELSE 'approved' END,
         s.input,
         CASE WHEN jsonb_typeof(s.metadata->'variables') = 'object' THEN s.metadata->'variables'
              ELSE jsonb_build_object('prompt', coalesce(s.input->>'prompt', ''),
                     'context', coalesce((SELECT string_agg(c->>'text', E'\\n\\n') FROM jsonb_array_elements(coalesce(s.input->'context', '[]')) c), '')) END,
         s.input->>'language',
         coalesce(s.decision->'originalOutput', s.output),
         CASE WHEN s.decision->>'edited' = 'true' THEN s.decision->'finalOutput' END,
         ARRAY(SELECT r->>'code' FROM jsonb_array_elements(coalesce(s.decision->'reasons', '[]')) r)
    FROM submissions s`;
const INSERT = `INSERT INTO dataset_items (id, dataset_id, submission_id, source, verdict, input, variables, language, output, corrected_output, reasons)`;
const HUMAN_DECIDED = `s.status IN ('approved', 'rejected') AND s.decision->>'decidedBy' = 'human' AND s.erased_at IS NULL`;
// The submissions read are share-locked: an erasure (which locks its row for update) either
// waits for this insert and then erases the item, or has committed first and the row, read
// again, no longer matches (erased_at), so no item copies text an erasure has already passed.
const LOCK_SUBMISSIONS = 'FOR SHARE OF s';

const RULE_CONDITION: Record<DatasetRule['kind'], string> = {
  approvals: `s.decision->>'outcome' = 'approved' AND coalesce(s.decision->>'edited', 'false') <> 'true'`,
  rejections: `s.decision->>'outcome' = 'rejected'`,
  edits: `s.decision->>'edited' = 'true'`,
};

/** Dataset items: taken from decided submissions (by id or by rule), paged, removed. */
@Injectable()
export class DatasetItemRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * What decides whether each submission may join a dataset; only submissions of the workspace
   * of `ofPipelineId` (another workspace's submission is one that does not exist).
   */
  eligibility(submissionIds: string[], ofPipelineId: string): Promise<SubmissionEligibility[]> {
    return queryRows<SubmissionEligibility>(
      this.db,
      `SELECT ${ELIGIBILITY}, decision->>'decidedBy' AS "decidedBy" FROM submissions
        WHERE id = ANY($1::uuid[])
          AND pipeline_id IN (SELECT id FROM pipelines WHERE workspace_id =
                                (SELECT workspace_id FROM pipelines WHERE id = $2))`,
      [submissionIds, ofPipelineId],
    );
  }

  /** Adds the submissions (already checked); one already in the dataset, even removed, is left as it is. Returns how many were added. */
  async addSubmissions(datasetId: string, submissionIds: string[]): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `${INSERT} ${ITEM_FROM_SUBMISSION} WHERE s.id = ANY($3::uuid[]) AND ${HUMAN_DECIDED} ${LOCK_SUBMISSIONS}
       ON CONFLICT (dataset_id, submission_id) DO UPDATE SET removed_at = NULL WHERE dataset_items.removed_at IS NOT NULL RETURNING id`,
      [datasetId, 'api', submissionIds],
    );
    return rows.length;
  }

  /** Takes in what a rule matches among the dataset's pipeline and client's submissions decided since `since`. */
  async collect(
    d: { id: string; pipelineId: string; clientId: string },
    rule: DatasetRule,
    since: Date,
  ): Promise<number> {
    const queue = rule.queue
      ? `AND EXISTS (SELECT 1 FROM review_tasks t WHERE t.submission_id = s.id AND t.queue = $6)`
      : '';
    const rows = await queryRows<{ id: string }>(
      this.db,
      `${INSERT} ${ITEM_FROM_SUBMISSION}
        WHERE s.pipeline_id = $3 AND s.client_id = $4 AND s.updated_at >= $5 AND ${HUMAN_DECIDED} AND ${RULE_CONDITION[rule.kind]} ${queue} ${LOCK_SUBMISSIONS}
       ON CONFLICT (dataset_id, submission_id) DO NOTHING RETURNING id`,
      [d.id, 'rule', d.pipelineId, d.clientId, since, ...(rule.queue ? [rule.queue] : [])],
    );
    return rows.length;
  }

  /**
   * Up to `limit` items not removed after `after` (from the first when null), oldest first. Items
   * taken in by one statement share their created_at, so the keyset is (created_at, id), and the
   * cursor keeps Postgres' microseconds: a millisecond Date would repeat or skip items. With
   * `unjudgedIn`, only items that run has no result for (what a resumed run has left to do).
   */
  page(
    datasetId: string,
    after: DatasetItemCursor | null,
    limit: number,
    unjudgedIn?: string,
  ): Promise<DatasetItemPageRow[]> {
    const params: unknown[] = [datasetId, limit];
    const param = (value: unknown) => `$${params.push(value)}`;
    const keyset = after
      ? `AND (i.created_at, i.id) > (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`
      : '';
    const unjudged = unjudgedIn
      ? `AND NOT EXISTS (SELECT 1 FROM regression_results x WHERE x.run_id = ${param(unjudgedIn)} AND x.item_id = i.id)`
      : '';
    return queryRows<DatasetItemPageRow>(
      this.db,
      `SELECT ${ITEM_OF_I}, i.created_at::text AS "cursorAt" FROM dataset_items i
        WHERE i.dataset_id = $1 AND i.removed_at IS NULL ${keyset} ${unjudged}
        ORDER BY i.created_at, i.id LIMIT $2`,
      params,
    );
  }

  /** The dataset's items (not removed) among `ids`, in no particular order. */
  byIds(datasetId: string, ids: string[]): Promise<DatasetItemRow[]> {
    return queryRows<DatasetItemRow>(
      this.db,
      `SELECT ${ITEM} FROM dataset_items WHERE dataset_id = $1 AND id = ANY($2::uuid[]) AND removed_at IS NULL`,
      [datasetId, ids],
    );
  }

  /** Which of `ids` are items of the dataset (not removed). */
  async existing(datasetId: string, ids: string[]): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM dataset_items WHERE dataset_id = $1 AND id = ANY($2::uuid[]) AND removed_at IS NULL`,
      [datasetId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Removes an item (kept, so a rule does not take it in again); false when there was none. */
  async remove(datasetId: string, itemId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `UPDATE dataset_items SET removed_at = now() WHERE dataset_id = $1 AND id = $2 AND removed_at IS NULL RETURNING id`,
      [datasetId, itemId],
    );
    return rows.length === 1;
  }

  /**
   * Erasure of a submission's text (libs/retention, in its transaction): its items in every
   * dataset lose their copies (input, variables, output and correction become the marker) and
   * leave their datasets, since nothing is left to replay; the candidates regression runs
   * generated from that input become the marker too. Returns how many items held its text.
   */
  async eraseText(
    submissionId: string,
    marker: Record<string, unknown>,
    tx: EntityManager,
  ): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      tx,
      `WITH items AS (
         UPDATE dataset_items SET input = $2::jsonb, variables = $2::jsonb, output = $2::jsonb,
                corrected_output = CASE WHEN corrected_output IS NULL THEN NULL ELSE $2::jsonb END,
                removed_at = coalesce(removed_at, now())
          WHERE submission_id = $1 RETURNING id
       ), candidates AS (
         UPDATE regression_results SET candidate = $2::jsonb
          WHERE item_id IN (SELECT id FROM items) AND candidate IS NOT NULL RETURNING 1
       )
       SELECT count(*)::int AS n FROM items`,
      [submissionId, JSON.stringify(marker)],
    );
    return rows[0]?.n ?? 0;
  }

  /** The time of the last collection by rules (a watermark per dataset); null before the first. */
  async watermark(name: string): Promise<Date | null> {
    const [row] = await queryRows<{ at: Date }>(
      this.db,
      `SELECT at FROM dataset_watermarks WHERE name = $1`,
      [name],
    );
    return row?.at ?? null;
  }

  async setWatermark(name: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO dataset_watermarks (name, at) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET at = EXCLUDED.at`,
      [name, at],
    );
  }
}

/** Every page of `items.page`, `pageSize` items at a time, until the dataset is read through. */
export async function* itemPages(
  items: Pick<DatasetItemRepository, 'page'>,
  datasetId: string,
  pageSize: number,
  unjudgedIn?: string,
): AsyncGenerator<DatasetItemPageRow[]> {
  let after: DatasetItemCursor | null = null;
  for (;;) {
    const rows = await items.page(datasetId, after, pageSize, unjudgedIn);
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { at: last.cursorAt, id: last.id };
  }
}
