import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import {
  ApplyCalibrationRefitDto,
  ApplyRecalibrationDto,
  ForceBreakerDto,
  PipelineView,
  RecalibrationQueryDto,
} from '@arbiter/contracts';
import { CalibrationRefitView, OversightView, RecalibrationView } from '@arbiter/oversight';
import { PipelineOversight } from '@arbiter/pipelines';
import { ApiContract } from '../common/api-contract.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';
import { Audited } from '../audit/audited.decorator';

/** The self-checking loop of one pipeline, for leads: read it, and force its breaker. */
@ApiTags('oversight')
@UseGuards(UserAuthGuard)
@Roles('lead')
@Controller('v1/pipelines/:key')
export class OversightController {
  constructor(private readonly oversight: PipelineOversight) {}

  /** Breaker state and settings, the escaped-error estimate (overall, by policy, model and prompt version), history. */
  @Get('oversight')
  @InWorkspace('pipeline', 'key')
  @ApiContract({
    id: 'getOversight',
    summary: "A pipeline's breaker, escaped-error estimates and history",
    caller: 'user',
    ok: { 200: 'OversightView' },
    errors: [404],
  })
  view(@Param('key') key: string): Promise<OversightView> {
    return this.oversight.view(key);
  }

  /** Forces the breaker open or closed with a reason, or (`auto`) hands it back to the evidence. */
  @Put('breaker')
  @InWorkspace('pipeline', 'key')
  @Audited('breaker.force', 'breaker', 'key')
  @ApiContract({
    id: 'forceBreaker',
    summary: "Force a pipeline's automation breaker open or closed, or hand it back (auto)",
    caller: 'user',
    body: true,
    ok: { 200: 'Breaker' },
    errors: [404],
  })
  @HttpCode(200)
  force(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Body() body: ForceBreakerDto,
  ): Promise<OversightView['breaker']> {
    return this.oversight.forceBreaker(key, body, `user:${user.userId}`);
  }

  /** The auto-approve threshold the reviewers' verdicts support for a target error, with the reliability curve. */
  @Get('recalibration')
  @InWorkspace('pipeline', 'key')
  @ApiContract({
    id: 'getRecalibration',
    summary: "The auto-approve threshold reviewers' verdicts support for a target error",
    caller: 'user',
    ok: { 200: 'RecalibrationView' },
    errors: [404],
  })
  recalibration(
    @Param('key') key: string,
    @Query() query: RecalibrationQueryDto,
  ): Promise<RecalibrationView> {
    return this.oversight.recalibration(key, query);
  }

  /** Applies a threshold (usually the proposal) as a new active policy version, recorded in the history. */
  @Post('recalibration/apply')
  @InWorkspace('pipeline', 'key')
  @Audited('pipeline.recalibrate', 'pipeline', 'key')
  @ApiContract({
    id: 'applyRecalibration',
    summary: 'Apply an auto-approve threshold as a new, active policy version',
    caller: 'user',
    body: true,
    ok: { 200: 'RecalibrationApplied' },
    errors: [404],
  })
  @HttpCode(200)
  apply(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Body() body: ApplyRecalibrationDto,
  ): Promise<{ version: number; pipeline: PipelineView }> {
    return this.oversight.applyRecalibration(key, body, `user:${user.userId}`);
  }

  /**
   * The calibration the reviewers' verdicts support (a Platt map on the model's own confidence),
   * with its fit before and after, the reliability curves, and the thresholds on its scale.
   */
  @Get('recalibration/refit')
  @InWorkspace('pipeline', 'key')
  @ApiContract({
    id: 'getCalibrationRefit',
    summary: "The calibration reviewers' verdicts support, with its fit before and after",
    caller: 'user',
    ok: { 200: 'CalibrationRefitView' },
    errors: [404],
  })
  calibrationRefit(
    @Param('key') key: string,
    @Query() query: RecalibrationQueryDto,
  ): Promise<CalibrationRefitView> {
    return this.oversight.calibrationRefit(key, query);
  }

  /** Applies a refitted calibration (thresholds carried over unless given) as a new active policy version. */
  @Post('recalibration/refit/apply')
  @InWorkspace('pipeline', 'key')
  @Audited('pipeline.refit', 'pipeline', 'key')
  @ApiContract({
    id: 'applyCalibrationRefit',
    summary: 'Apply a refitted calibration as a new, active policy version',
    caller: 'user',
    body: true,
    ok: { 200: 'RecalibrationApplied' },
    errors: [404, 409],
  })
  @HttpCode(200)
  applyRefit(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Body() body: ApplyCalibrationRefitDto,
  ): Promise<{ version: number; pipeline: PipelineView }> {
    return this.oversight.applyCalibrationRefit(key, body, `user:${user.userId}`);
  }
}
