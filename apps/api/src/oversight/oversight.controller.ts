import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import {
  ApplyRecalibrationDto,
  ForceBreakerDto,
  PipelineView,
  RecalibrationQueryDto,
} from '@arbiter/contracts';
import {
  AutomationBreaker,
  OversightHistory,
  OversightReport,
  OversightView,
  RecalibrationView,
  ThresholdProposals,
} from '@arbiter/oversight';
import { PolicyCatalog } from '@arbiter/workflow';
import { PipelineAdmin } from '../pipelines/pipeline-admin.use-case';
import { PipelineRepository } from '@arbiter/persistence';
import { ApiContract } from '../common/api-contract.decorator';

/** The self-checking loop of one pipeline, for leads: read it, and force its breaker. */
@ApiTags('oversight')
@UseGuards(UserAuthGuard)
@Roles('lead')
@Controller('v1/pipelines/:key')
export class OversightController {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly report: OversightReport,
    private readonly breaker: AutomationBreaker,
    private readonly proposals: ThresholdProposals,
    private readonly catalog: PolicyCatalog,
    private readonly admin: PipelineAdmin,
    private readonly history: OversightHistory,
  ) {}

  /** Breaker state and settings, the escaped-error estimate (overall, by policy, model and prompt version), history. */
  @Get('oversight')
  @ApiContract({
    id: 'getOversight',
    summary: "A pipeline's breaker, escaped-error estimates and history",
    caller: 'user',
    ok: { 200: 'OversightView' },
    errors: [404],
  })
  async view(@Param('key') key: string): Promise<OversightView> {
    const { id, activeVersionId } = await this.pipeline(key);
    return this.report.view(id, activeVersionId);
  }

  /** Forces the breaker open or closed with a reason, or (`auto`) hands it back to the evidence. */
  @Put('breaker')
  @ApiContract({
    id: 'forceBreaker',
    summary: "Force a pipeline's automation breaker open or closed, or hand it back (auto)",
    caller: 'user',
    body: true,
    ok: { 200: 'Breaker' },
    errors: [404],
  })
  @HttpCode(200)
  async force(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Body() body: ForceBreakerDto,
  ): Promise<OversightView['breaker']> {
    const { id, activeVersionId } = await this.pipeline(key);
    const by = `user:${user.userId}`;
    if (body.state === 'auto') await this.breaker.release(id, by, body.reason);
    else await this.breaker.force(id, body.state, body.reason, by);
    return (await this.report.view(id, activeVersionId)).breaker;
  }

  /** The auto-approve threshold the reviewers' verdicts support for a target error, with the reliability curve. */
  @Get('recalibration')
  @ApiContract({
    id: 'getRecalibration',
    summary: "The auto-approve threshold reviewers' verdicts support for a target error",
    caller: 'user',
    ok: { 200: 'RecalibrationView' },
    errors: [404],
  })
  async recalibration(
    @Param('key') key: string,
    @Query() query: RecalibrationQueryDto,
  ): Promise<RecalibrationView> {
    const { id, activeVersionId } = await this.pipeline(key);
    const policy = activeVersionId
      ? ((await this.catalog.versionById(activeVersionId))?.policy ?? null)
      : null;
    return this.proposals.propose(id, policy, query);
  }

  /** Applies a threshold (usually the proposal) as a new active policy version, recorded in the history. */
  @Post('recalibration/apply')
  @ApiContract({
    id: 'applyRecalibration',
    summary: 'Apply an auto-approve threshold as a new, active policy version',
    caller: 'user',
    body: true,
    ok: { 200: 'RecalibrationApplied' },
    errors: [404],
  })
  @HttpCode(200)
  async apply(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Body() body: ApplyRecalibrationDto,
  ): Promise<{ version: number; pipeline: PipelineView }> {
    const { id, activeVersionId } = await this.pipeline(key);
    const active = activeVersionId ? await this.catalog.versionById(activeVersionId) : null;
    if (!active)
      throw new NotFoundException(`Pipeline "${key}" has no active policy version to recalibrate`);
    const document = {
      ...active.policy,
      thresholds: { ...active.policy.thresholds, autoApprove: body.autoApprove },
    };
    const actor = `user:${user.userId}`;
    const put = await this.admin.putVersion(
      key,
      { format: 'object', value: document },
      true,
      `recalibration:${actor}`,
    );
    await this.history.record({
      pipelineId: id,
      kind: 'recalibration',
      fromState: String(active.policy.thresholds.autoApprove),
      toState: String(body.autoApprove),
      cause: 'applied',
      figures: { fromVersion: active.version, toVersion: put.version },
      message: `auto-approve threshold ${active.policy.thresholds.autoApprove} → ${body.autoApprove} (version ${put.version}): ${body.reason}`,
      actor,
    });
    return { version: put.version, pipeline: put.pipeline };
  }

  private async pipeline(key: string): Promise<{ id: string; activeVersionId: string | null }> {
    const pipeline = await this.pipelines.findByKey(key);
    if (!pipeline) throw new NotFoundException(`Pipeline "${key}" not found`);
    const active =
      pipeline.activeVersion === null
        ? null
        : await this.pipelines.findVersion(pipeline.id, pipeline.activeVersion);
    return { id: pipeline.id, activeVersionId: active?.id ?? null };
  }
}
