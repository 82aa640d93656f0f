import { Module } from '@nestjs/common';
import { AiReviewRepository } from '@arbiter/ai-review';
import { OversightModule } from '@arbiter/oversight';
import { PromptsModule } from '@arbiter/prompts';
import { WorkflowModule } from '@arbiter/workflow';
import { DatasetItemRepository } from './items/dataset-item.repository';
import { DatasetRepository } from './items/dataset.repository';
import { Datasets } from './items/datasets.use-case';
import { ExecuteRegressionRun } from './runs/execute-run.use-case';
import { GENERATION_CHAIN_PROVIDER } from './runs/generation-chain.provider';
import { RegressionRunRepository } from './runs/regression-run.repository';
import { RecoverRegressionRuns } from './runs/recover-regression-runs.use-case';
import { RegressionRunReport } from './runs/run-report.use-case';
import { StartRegressionRun } from './runs/start-run.use-case';
import { ModelSightingRepository } from './triggers/model-sighting.repository';
import { RegressionTriggers } from './triggers/regression-triggers.use-case';

// AiReviewRepository: the generator's budgets are re-read from the same spend record as the AI reviewer's.
const PROVIDERS = [
  AiReviewRepository,
  DatasetRepository,
  DatasetItemRepository,
  Datasets,
  RegressionRunRepository,
  StartRegressionRun,
  RegressionRunReport,
  ExecuteRegressionRun,
  RecoverRegressionRuns,
  GENERATION_CHAIN_PROVIDER,
  ModelSightingRepository,
  RegressionTriggers,
];

/** Datasets from reviewers' work and regression runs over them. */
@Module({
  imports: [PromptsModule, OversightModule, WorkflowModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class DatasetsModule {}
