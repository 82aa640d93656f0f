import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
import { AlertsQueryDto } from '@arbiter/contracts';
import { AlertRepository, alertView } from '@arbiter/oversight';
import { PipelineRepository } from '@arbiter/workflow';
import { ApiContract } from '../common/api-contract.decorator';

/** The history of the self-checking loop's alerts, newest first (leads and admins). */
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
  async list(@Query() query: AlertsQueryDto): Promise<{ alerts: ReturnType<typeof alertView>[] }> {
    const pipelineId = query.pipeline
      ? ((await this.pipelines.findByKey(query.pipeline))?.id ?? null)
      : undefined;
    // An unknown pipeline has no alerts (not a 404: the history outlives a pipeline's key).
    if (pipelineId === null) return { alerts: [] };
    const rows = await this.alerts.list({
      status: query.status,
      pipelineId,
      limit: query.limit ?? 100,
    });
    return { alerts: rows.map(alertView) };
  }
}
