import {
  arrayOf,
  boolean,
  dateTime,
  enumOf,
  freeObject,
  integer,
  nullable,
  number,
  ref,
  SchemaObject,
  string,
  uuid,
} from './schema';

/** An object schema whose listed properties are all present. */
const object = (
  properties: Record<string, SchemaObject | ReturnType<typeof ref>>,
  description?: string,
): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  ...(description ? { description } : {}),
});

const share = nullable(number({ minimum: 0, maximum: 1 }));
const output = freeObject('{text} or {json}');
const resultStatus = enumOf(['passed', 'failed', 'error']);
const nextCursor = (what: string) =>
  nullable(
    string({ description: `Pass as \`cursor\` for the next page of ${what}; null on the last` }),
  );

/** Schemas of datasets and regression runs (/v1/datasets). */
export const DATASET_SCHEMAS: Record<string, SchemaObject> = {
  DatasetView: object({
    id: uuid,
    pipeline: string(),
    client: uuid,
    name: string(),
    prompt: nullable(string()),
    rules: arrayOf(freeObject('{kind: approvals | rejections | edits, queue?}')),
    schedule: enumOf(['none', 'daily']),
    minPassRate: number({ minimum: 0, maximum: 1 }),
    minSimilarity: number({ minimum: 0, maximum: 1 }),
    items: integer({ minimum: 0 }),
    createdAt: dateTime,
  }),
  DatasetList: object({ datasets: arrayOf(ref('DatasetView')) }),
  DatasetItemList: object({
    items: arrayOf(
      object({
        id: uuid,
        submissionId: nullable(uuid),
        source: enumOf(['api', 'rule']),
        verdict: enumOf(['approved', 'rejected', 'edited']),
        input: freeObject('The submission input: prompt, context, language'),
        variables: freeObject('What the prompt is rendered with in a run'),
        language: nullable(string()),
        output: output,
        correctedOutput: nullable(output),
        reasons: arrayOf(string()),
        createdAt: dateTime,
      }),
    ),
    nextCursor: nextCursor('items'),
  }),
  DatasetItemsAdded: object({ added: integer({ minimum: 0 }), dataset: ref('DatasetView') }),
  RegressionRun: object({
    id: uuid,
    datasetId: uuid,
    status: enumOf(['queued', 'running', 'completed', 'failed']),
    trigger: freeObject('{kind: api | schedule | model_change, by?, model?}'),
    promptVersionId: nullable(uuid),
    promptVersion: nullable(integer({ minimum: 1 })),
    model: nullable(string()),
    uploaded: boolean,
    previousRunId: nullable(uuid),
    items: integer({ minimum: 0 }),
    passed: integer({ minimum: 0 }),
    failed: integer({ minimum: 0 }),
    errored: integer({ minimum: 0 }),
    regressions: integer({ minimum: 0 }),
    fixed: integer({ minimum: 0 }),
    passRate: share,
    costUsd: number({ minimum: 0 }),
    verdict: nullable(enumOf(['passed', 'regressed', 'below_target'])),
    error: nullable(string()),
    createdAt: dateTime,
    startedAt: nullable(dateTime),
    finishedAt: nullable(dateTime),
  }),
  ShadowComparison: object({
    pipeline: string(),
    activeVersion: nullable(integer()),
    shadowVersion: integer(),
    since: dateTime,
    items: integer({ minimum: 0 }),
    agreement: share,
    active: object({ automationRate: share, auditedErrorRate: share }),
    shadow: object({
      automationRate: share,
      auditedErrorRate: share,
      auditedApprovals: integer({ minimum: 0 }),
      approvedButHumanRejected: integer({ minimum: 0 }),
    }),
    humanDecided: integer({ minimum: 0 }),
    audited: integer({ minimum: 0 }),
  }),
  RegressionRunList: object({ runs: arrayOf(ref('RegressionRun')) }),
  RegressionRunReport: object({
    run: ref('RegressionRun'),
    items: arrayOf(
      object({
        itemId: uuid,
        submissionId: nullable(uuid),
        status: resultStatus,
        change: enumOf(['regressed', 'fixed', 'same', 'new']),
        previousStatus: nullable(resultStatus),
        verdict: nullable(enumOf(['approved', 'rejected', 'edited'])),
        reference: nullable(string()),
        candidate: nullable(string()),
        diff: nullable(
          string({
            description: 'Word diff from the reference to the candidate: [-removed-]{+added+}',
          }),
        ),
        similarity: share,
        route: nullable(string()),
        confidence: share,
        reason: string(),
        provider: nullable(string()),
        model: nullable(string()),
        costUsd: number({ minimum: 0 }),
      }),
    ),
    nextCursor: nextCursor("the run's items"),
  }),
};
