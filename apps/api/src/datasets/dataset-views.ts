import { DatasetItemRow, DatasetRow, RunRow } from '@arbiter/datasets';

/** A dataset as the API shows it. */
export function datasetView(d: DatasetRow) {
  return {
    id: d.id,
    pipeline: d.pipeline,
    client: d.clientId,
    name: d.name,
    prompt: d.prompt,
    rules: d.rules,
    schedule: d.schedule,
    minPassRate: d.minPassRate,
    minSimilarity: d.minSimilarity,
    items: d.items,
    createdAt: d.createdAt,
  };
}

export function itemView(i: DatasetItemRow) {
  return {
    id: i.id,
    submissionId: i.submissionId,
    source: i.source,
    verdict: i.verdict,
    input: i.input,
    variables: i.variables,
    language: i.language,
    output: i.output,
    correctedOutput: i.correctedOutput,
    reasons: i.reasons,
    createdAt: i.createdAt,
  };
}

/** A run without its uploaded candidates (they are in the per-item results). */
export function runView(r: RunRow) {
  const { candidates, ...rest } = r;
  return { ...rest, uploaded: candidates !== null };
}
