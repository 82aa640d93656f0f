import { Injectable } from '@nestjs/common';
import { PromptRepository } from '@arbiter/prompts';
import { QueueProducer } from '@arbiter/queue';
import { randomUUID } from 'node:crypto';
import { DatasetsError, DatasetsErrorCode } from '../datasets.errors';
import { DatasetItemRepository } from '../items/dataset-item.repository';
import { Datasets } from '../items/datasets.use-case';
import { RegressionRunRepository, RunRow, RunTrigger } from './regression-run.repository';

export interface StartRun {
  /** Version of the dataset's prompt; default: what its production label points at. */
  promptVersion?: number;
  /** Model to generate with instead of the version's. */
  model?: string;
  /** Uploaded outputs to score instead of generating. */
  candidates?: { itemId: string; text: string }[];
}

/** Creates a regression run of a dataset (recorded first, then queued for the worker). */
@Injectable()
export class StartRegressionRun {
  constructor(
    private readonly datasets: Datasets,
    private readonly items: DatasetItemRepository,
    private readonly prompts: PromptRepository,
    private readonly runs: RegressionRunRepository,
    private readonly producer: QueueProducer,
  ) {}

  async execute(datasetId: string, request: StartRun, trigger: RunTrigger): Promise<RunRow> {
    const dataset = await this.datasets.get(datasetId);
    if (dataset.items === 0)
      throw new DatasetsError(
        DatasetsErrorCode.NotRunnable,
        `Dataset ${datasetId} has no items to run on`,
      );
    let candidates: Record<string, string> | null = null;
    let promptVersionId: string | null = null;
    if (request.candidates) {
      const known = await this.items.existing(
        datasetId,
        request.candidates.map((c) => c.itemId),
      );
      const problems = request.candidates.flatMap((c, i) =>
        known.has(c.itemId)
          ? []
          : [
              {
                path: `candidates[${i}].itemId`,
                message: `is not an item of dataset ${datasetId}`,
              },
            ],
      );
      if (problems.length)
        throw new DatasetsError(
          DatasetsErrorCode.UnknownReference,
          problems.map((p) => `${p.path} ${p.message}`).join('; '),
          problems,
        );
      candidates = Object.fromEntries(request.candidates.map((c) => [c.itemId, c.text]));
    } else {
      if (!dataset.promptId)
        throw new DatasetsError(
          DatasetsErrorCode.NotRunnable,
          `Dataset "${dataset.name}" has no prompt to generate with: create it with "prompt", or upload candidates`,
          [{ path: 'candidates', message: 'required when the dataset has no prompt' }],
        );
      promptVersionId = await this.versionId(dataset.promptId, request.promptVersion);
    }
    const id = randomUUID();
    await this.runs.create({
      id,
      datasetId,
      trigger,
      promptVersionId,
      model: request.model ?? null,
      candidates,
      items: dataset.items,
    });
    await this.producer.enqueueRegression(id);
    return (await this.runs.find(id)) as RunRow;
  }

  private async versionId(promptId: string, number: number | undefined): Promise<string> {
    if (number !== undefined) {
      const row = await this.prompts.version(promptId, number);
      if (!row)
        throw new DatasetsError(
          DatasetsErrorCode.UnknownReference,
          `The dataset's prompt has no version ${number}`,
          [{ path: 'promptVersion', message: "no such version of the dataset's prompt" }],
        );
      return row.id;
    }
    const production = (await this.prompts.labels(promptId)).find((l) => l.label === 'production');
    if (!production)
      throw new DatasetsError(
        DatasetsErrorCode.NotRunnable,
        "The dataset's prompt has no production label: give promptVersion",
        [{ path: 'promptVersion', message: 'required when the prompt has no production label' }],
      );
    return production.versionId;
  }
}
