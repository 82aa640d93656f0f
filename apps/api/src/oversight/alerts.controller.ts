import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { AlertsQueryDto } from '@arbiter/contracts';
import { AlertRepository, alertView } from '@arbiter/oversight';
import { PipelineRepository } from '@arbiter/workflow';
import { ApiContract } from '../common/api-contract.decorator';

/** The history of the self-checking loop's alerts of the workspace's pipelines, newest first (leads and admins). */
@ApiTags('oversight')
@UseGuards(UserAuthGuard)
@Roles('lead')
@Controller('v1/alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly pipelines: PipelineRepository,
  ) {}

  @Get()
  @ApiContract({
    id: 'listAlerts',
    summary: "The self-checking loop's alerts, newest first",
    caller: 'user',
    ok: { 200: 'AlertList' },
  })
  async list(
    @CurrentUser() user: UserPrincipal,
    @Query() query: AlertsQueryDto,
  ): Promise<{ alerts: ReturnType<typeof alertView>[] }> {
    const scope = scopeOf(user);
    const pipeline = query.pipeline ? await this.pipelines.findByKey(query.pipeline) : undefined;
    // Another workspace's pipeline is as unknown as one that never existed.
    const pipelineId =
      pipeline === undefined
        ? undefined
        : pipeline && (scope === null || pipeline.workspaceId === scope)
          ? pipeline.id
          : null;
    // An unknown pipeline has no alerts (not a 404: the history outlives a pipeline's key).
    if (pipelineId === null) return { alerts: [] };
    const rows = await this.alerts.list({
      status: query.status,
      pipelineId,
      workspaceId: scope,
      limit: query.limit ?? 100,
    });
    return { alerts: rows.map(alertView) };
  }
}
