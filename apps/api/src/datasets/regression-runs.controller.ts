import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { DatasetPageQueryDto, LimitQueryDto, StartRunDto } from '@arbiter/contracts';
import { RegressionRunReport, StartRegressionRun } from '@arbiter/datasets';
import { ApiContract } from '../common/api-contract.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';
import { Audited } from '../audit/audited.decorator';
import { uuidParam } from '../common/uuid-param.pipe';
import { runView } from './dataset-views';

/** Regression runs of a dataset: start one, list them, read one with its per-item differences. */
@ApiTags('datasets')
@UseGuards(UserAuthGuard)
@Roles('lead')
@Controller('v1/datasets/:id/runs')
export class RegressionRunsController {
  constructor(
    private readonly start: StartRegressionRun,
    private readonly report: RegressionRunReport,
  ) {}

  @Post()
  @InWorkspace('dataset', 'id')
  @Audited('dataset.run', 'regression-run')
  @HttpCode(202)
  @ApiContract({
    id: 'startRegressionRun',
    summary:
      "Generate (or score uploaded) candidates for every item, scored with the pipeline's policy; the worker runs it",
    caller: 'user',
    body: true,
    ok: { 202: 'RegressionRun' },
    errors: [404, 409],
  })
  async create(
    @Param('id', uuidParam) id: string,
    @Body() body: StartRunDto,
    @CurrentUser() user: UserPrincipal,
  ) {
    return runView(await this.start.execute(id, body, { kind: 'api', by: `user:${user.userId}` }));
  }

  @Get()
  @InWorkspace('dataset', 'id')
  @ApiContract({
    id: 'listRegressionRuns',
    summary: 'Runs of the dataset, newest first',
    caller: 'user',
    ok: { 200: 'RegressionRunList' },
    errors: [404],
  })
  async list(@Param('id', uuidParam) id: string, @Query() query: LimitQueryDto) {
    return { runs: (await this.report.list(id, query.limit ?? 50)).map(runView) };
  }

  @Get(':runId')
  @InWorkspace('dataset', 'id')
  @ApiContract({
    id: 'getRegressionRun',
    summary:
      "A run: pass rate, regressions against the previous run, cost (of every item), and a page of its items' differences",
    caller: 'user',
    ok: { 200: 'RegressionRunReport' },
    errors: [404],
  })
  async get(
    @Param('id', uuidParam) id: string,
    @Param('runId', uuidParam) runId: string,
    @Query() query: DatasetPageQueryDto,
  ) {
    const { run, items, nextCursor } = await this.report.get(id, runId, query.cursor, query.limit);
    return { run: runView(run), items, nextCursor };
  }
}
