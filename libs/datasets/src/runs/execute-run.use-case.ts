import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { DomainError } from '@arbiter/errors';
import { Alerts } from '@arbiter/oversight';
import { Policy } from '@arbiter/policy';
import {
  checkVariables,
  PromptRepository,
  PromptVersionRow,
  renderMessages,
  variantFor,
} from '@arbiter/prompts';
import { PipelineRepository, PolicyCatalog } from '@arbiter/workflow';
import { DatasetsError, DatasetsErrorCode } from '../datasets.errors';
import { DatasetItemRepository, DatasetItemRow, itemPages } from '../items/dataset-item.repository';
import { DatasetRepository, DatasetRow } from '../items/dataset.repository';
import { routeCandidate } from './candidate-route';
import { forEachConcurrently } from './concurrent-pool';
import { GenerationChain } from './generation-chain';
import { judgeItem } from './item-verdict';
import { RegressionRunRepository, ResultRow, RunRow } from './regression-run.repository';
import { addOutcomes, emptyFigures, summarize } from './run-summary';

export type RunOutcome = 'completed' | 'stale' | 'missing';

interface RunContext {
  run: RunRow;
  dataset: DatasetRow;
  policy: Policy;
  version: PromptVersionRow | null;
}

/**
 * The `regression` job: a candidate for every item (generated through the provider chain, or
 * uploaded), scored with the pipeline's active policy, compared with the golden verdict; then
 * the run's figures against the previous run, and an alert when it regressed or fell below the
 * dataset's target. Results are recorded per item as they come, so a run resumed after a crash
 * skips what it already did. The dataset and the results are read a page at a time
 * (ARBITER_REGRESSION_PAGE_SIZE): a run's memory does not grow with its dataset.
 */
@Injectable()
export class ExecuteRegressionRun {
  private readonly logger = new Logger(ExecuteRegressionRun.name);

  constructor(
    private readonly runs: RegressionRunRepository,
    private readonly datasets: DatasetRepository,
    private readonly items: DatasetItemRepository,
    private readonly prompts: PromptRepository,
    private readonly pipelines: PipelineRepository,
    private readonly catalog: PolicyCatalog,
    private readonly chain: GenerationChain,
    private readonly alerts: Alerts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(runId: string): Promise<RunOutcome> {
    const run = await this.runs.start(runId);
    if (!run) return (await this.runs.find(runId)) ? 'stale' : 'missing';
    const dataset = await this.datasets.findById(run.datasetId);
    // Datasets are never deleted while they have runs (a foreign key): a true invariant.
    if (!dataset) throw new Error(`dataset ${run.datasetId} of run ${runId} not found`);
    const policy = await this.activePolicy(dataset.pipeline);
    const version = run.promptVersionId
      ? await this.prompts.versionById(run.promptVersionId)
      : null;
    const context: RunContext = { run, dataset, policy, version };
    await forEachConcurrently(
      this.unjudgedItems(dataset.id, runId),
      this.config.datasets.itemConcurrency,
      async (item) =>
        this.runs.recordResult(runId, dataset.pipelineId, await this.judge(context, item)),
    );
    await this.conclude(context);
    return 'completed';
  }

  /**
   * The run is marked failed with the reason a person can act on: a coded refusal's message word
   * for word; anything else is logged and reported without its internal text (the run's error is
   * read over HTTP).
   */
  async failSafe(runId: string, error: Error): Promise<void> {
    if (error instanceof DomainError) return this.runs.fail(runId, error.message);
    this.logger.error({
      runId,
      msg: `regression run failed: ${error.message}`,
      stack: error.stack,
    });
    await this.runs.fail(runId, 'internal error while running (details are in the worker log)');
  }

  /**
   * The dataset's items this run has no result for yet, a page at a time, in the dataset's order.
   * The keyset moves past every item read, so one judged meanwhile is never read twice, and an
   * item judged before a crash is never read at all.
   */
  private async *unjudgedItems(datasetId: string, runId: string): AsyncGenerator<DatasetItemRow> {
    for await (const page of itemPages(
      this.items,
      datasetId,
      this.config.datasets.itemPageSize,
      runId,
    ))
      yield* page;
  }

  private async judge(c: RunContext, item: DatasetItemRow): Promise<ResultRow> {
    const generated = await this.candidate(c, item);
    if ('error' in generated)
      return {
        itemId: item.id,
        status: 'error',
        candidate: null,
        route: null,
        confidence: null,
        similarity: null,
        reason: generated.error,
        provider: null,
        model: null,
        costUsd: 0,
      };
    const route = routeCandidate(c.policy, item.input, generated.text, `${c.run.id}:${item.id}`);
    const verdict = judgeItem(item, generated.text, route, c.dataset.minSimilarity);
    return {
      itemId: item.id,
      status: verdict.passed ? 'passed' : 'failed',
      candidate: { text: generated.text },
      route: route.route,
      confidence: route.confidence,
      similarity: Math.round(verdict.similarity * 1e4) / 1e4,
      reason: verdict.reason,
      provider: generated.provider,
      model: generated.model,
      costUsd: generated.costUsd,
    };
  }

  private async candidate(
    c: RunContext,
    item: DatasetItemRow,
  ): Promise<
    | { text: string; provider: string | null; model: string | null; costUsd: number }
    | { error: string }
  > {
    if (c.run.candidates) {
      const text = c.run.candidates[item.id];
      return text === undefined
        ? { error: 'no candidate output was uploaded for this item' }
        : { text, provider: null, model: null, costUsd: 0 };
    }
    const version = c.version;
    if (!version) return { error: 'the run has no prompt version to generate with' };
    const problems = checkVariables(version.id, version.variables, item.variables);
    if (problems.length)
      return {
        error: `the item's variables do not fit version ${version.version}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      };
    const language =
      (item.language && variantFor(item.language, Object.keys(version.template.variants))) ||
      version.template.defaultLanguage;
    let messages;
    try {
      messages = renderMessages(
        version.template.variants[language],
        item.variables,
        version.template.partials,
      );
    } catch (error) {
      return {
        error: `the prompt could not be rendered with the item's variables: ${(error as Error).message}`,
      };
    }
    const section = c.policy.aiReview;
    const request = {
      messages,
      providers: [version.model.provider, ...(version.model.fallbackProviders ?? [])].filter(
        (p): p is string => typeof p === 'string',
      ),
      settings: {
        model: c.run.model ?? version.model.model,
        temperature: version.model.temperature,
        maxTokens: version.model.maxTokens,
      },
      pipelineId: c.dataset.pipelineId,
      regions: section?.regions,
      dailyBudgetUsd: section?.dailyBudgetUsd,
      redactPii: section?.redactPii === true,
    };
    const started = Date.now();
    for (;;) {
      const outcome = await this.chain.run(request);
      if (outcome.kind === 'text') return outcome;
      if (outcome.kind === 'failed') return { error: `generator failed: ${outcome.reason}` };
      // Rate limited: wait our turn, within the same bound the AI reviewer's jobs wait.
      if (Date.now() + outcome.waitMs - started > this.config.aiReview.maxQueueWaitMs)
        return { error: 'generator failed: rate limited past the longest queue wait' };
      await new Promise((resolve) => setTimeout(resolve, outcome.waitMs));
    }
  }

  private async conclude(c: RunContext): Promise<void> {
    const previous = await this.runs.previousCompleted(c.dataset.id, c.run.createdAt, c.run.id);
    const summary = summarize(
      await this.figures(c.run.id, previous?.id ?? null),
      previous,
      c.dataset.minPassRate,
    );
    await this.runs.finish(c.run.id, summary);
    this.logger.log({
      run: c.run.id,
      dataset: c.dataset.name,
      msg: `regression run ${summary.verdict}: pass rate ${summary.passRate}`,
    });
    if (summary.verdict === 'passed') return;
    const rate = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
    const what =
      summary.verdict === 'regressed'
        ? `regressed: pass rate ${rate(summary.passRate)} against ${rate(previous?.passRate ?? null)}, ${summary.regressions} item(s) that passed now fail`
        : `pass rate ${rate(summary.passRate)} is below the target ${rate(c.dataset.minPassRate)}`;
    await this.alerts.fire({
      key: `regression:${c.dataset.id}:${c.run.id}`,
      pipelineId: c.dataset.pipelineId,
      kind: 'regression',
      severity: 'warning',
      message: `Dataset ${c.dataset.name} (${c.dataset.pipeline}), run ${c.run.id}${c.run.model ? ` with model ${c.run.model}` : ''}: ${what}`,
      figures: {
        passRate: summary.passRate ?? 0,
        previousPassRate: previous?.passRate ?? 0,
        regressions: summary.regressions,
        items: summary.items,
        errored: summary.errored,
      },
    });
  }

  /** The run's figures against the previous run, its results read a page at a time. */
  private async figures(runId: string, previousRunId: string | null) {
    const pageSize = this.config.datasets.itemPageSize;
    let figures = emptyFigures();
    let after: string | null = null;
    for (;;) {
      const page = await this.runs.resultsPage(runId, previousRunId, after, pageSize);
      figures = addOutcomes(figures, page);
      if (page.length < pageSize) return figures;
      after = page[page.length - 1].itemId;
    }
  }

  private async activePolicy(pipelineKey: string): Promise<Policy> {
    const pipeline = await this.pipelines.findByKey(pipelineKey);
    const row = pipeline?.activeVersion
      ? await this.pipelines.findVersion(pipeline.id, pipeline.activeVersion)
      : null;
    const version = row ? await this.catalog.versionById(row.id) : null;
    if (!version)
      throw new DatasetsError(
        DatasetsErrorCode.NotRunnable,
        `Pipeline "${pipelineKey}" has no active policy version to score with: activate one`,
      );
    return version.policy;
  }
}
