import { Module } from '@nestjs/common';
import { HttpRuleService, RULE_SERVICE } from '@arbiter/delivery';
import { OversightModule } from '@arbiter/oversight';
import { WorkflowModule } from '@arbiter/workflow';
import { RecoverUnsettled } from './recover-unsettled.use-case';
import { RoutedAnnouncer } from './routed-announcer.service';
import { ScoreStageMetrics } from './score-stage-metrics.service';
import { ScoreSubmission } from './score-submission.use-case';

/** Intake as the worker runs it: the score stage, its recovery and the route announcements. */
@Module({
  imports: [WorkflowModule, OversightModule],
  providers: [
    ScoreSubmission,
    RecoverUnsettled,
    RoutedAnnouncer,
    ScoreStageMetrics,
    { provide: RULE_SERVICE, useClass: HttpRuleService },
  ],
  exports: [ScoreSubmission, RecoverUnsettled],
})
export class ScoreStageModule {}
