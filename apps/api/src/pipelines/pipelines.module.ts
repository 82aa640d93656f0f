import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { WorkflowModule } from '@arbiter/workflow';
import { PipelineAdmin } from './pipeline-admin.use-case';
import { PipelinesController } from './pipelines.controller';
import { PipelinesDirLoader } from './pipelines-dir.loader';

@Module({
  imports: [AuthModule, WorkflowModule],
  controllers: [PipelinesController],
  providers: [PipelineAdmin, PipelinesDirLoader],
  exports: [PipelineAdmin],
})
export class PipelinesModule {}
