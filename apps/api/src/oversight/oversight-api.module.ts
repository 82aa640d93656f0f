import { Module } from '@nestjs/common';
import { AuthModule } from '@arbiter/auth';
import { OversightModule } from '@arbiter/oversight';
import { WorkflowModule } from '@arbiter/workflow';
import { PipelinesModule } from '../pipelines/pipelines.module';
import { AlertsController } from './alerts.controller';
import { OversightController } from './oversight.controller';

/** The loop in the api: its audit verdict handler (decisions are taken here) and the lead's endpoints. */
@Module({
  imports: [AuthModule, WorkflowModule, OversightModule, PipelinesModule],
  controllers: [OversightController, AlertsController],
})
export class OversightApiModule {}
