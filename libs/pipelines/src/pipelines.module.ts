import { Module } from '@nestjs/common';
import { OversightModule } from '@arbiter/oversight';
import { ReviewModule } from '@arbiter/review';
import { WorkflowModule } from '@arbiter/workflow';
import { PipelineAdmin } from './pipeline-admin.use-case';
import { PipelineOversight } from './pipeline-oversight.use-case';
import { ScheduledRecalibration } from './scheduled-recalibration.use-case';

/** Pipeline administration: policy versions saved, checked, activated, rolled back, split; the loop's hand on them (oversight, scheduled recalibration). */
@Module({
  imports: [WorkflowModule, ReviewModule, OversightModule],
  providers: [PipelineAdmin, PipelineOversight, ScheduledRecalibration],
  exports: [PipelineAdmin, PipelineOversight, ScheduledRecalibration],
})
export class PipelinesModule {}
