import { Module, OnModuleInit } from '@nestjs/common';
import { AuditSnapshots } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { OversightModule } from '@arbiter/oversight';
import { PipelineOversight, PipelinesModule } from '@arbiter/pipelines';
import { AlertsController } from './alerts.controller';
import { OversightMetrics } from '@arbiter/oversight';
import { OversightController } from './oversight.controller';

/** The loop in the api: its audit verdict handler (decisions are taken here) and the lead's endpoints. */
@Module({
  imports: [AuthModule, OversightModule, PipelinesModule],
  // The lead's gauges are served by the api only, so each series exists once per deployment.
  providers: [OversightMetrics],
  controllers: [OversightController, AlertsController],
})
export class OversightApiModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly oversight: PipelineOversight,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('breaker', async (key) => (await this.oversight.view(key)).breaker);
  }
}
