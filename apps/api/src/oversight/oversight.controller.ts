import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { ForceBreakerDto } from '@arbiter/contracts';
import { AutomationBreaker, OversightReport, OversightView } from '@arbiter/oversight';
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
