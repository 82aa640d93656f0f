import { Module, OnModuleInit } from '@nestjs/common';
import { AuditSnapshots } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { Datasets, DatasetsModule } from '@arbiter/datasets';
import { DatasetsController } from './datasets.controller';
import { RegressionRunsController } from './regression-runs.controller';

@Module({
  imports: [AuthModule, DatasetsModule],
  controllers: [DatasetsController, RegressionRunsController],
})
export class DatasetsApiModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly datasets: Datasets,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('dataset', (id) => this.datasets.get(id));
  }
}
