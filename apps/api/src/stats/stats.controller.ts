import { Controller, Get, Header, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { StatsExportQueryDto, StatsQueryDto } from '@arbiter/contracts';
import { FloorStats, FlowStats, StatsExport, StatsFilterResolver } from '@arbiter/stats';
import { Readable } from 'node:stream';
import { ApiContract } from '../common/api-contract.decorator';
import { AuditedExport } from '../audit/audited.decorator';

/**
 * Lead stats: the floor now (counters) and flows over a range (rollups), of the workspace's
 * pipelines and queues. Leads and admins.
 */
@ApiTags('stats')
@UseGuards(UserAuthGuard)
@Roles('lead')
@Controller('v1/stats')
export class StatsController {
  constructor(
    private readonly filters: StatsFilterResolver,
    private readonly floor: FloorStats,
    private readonly flows: FlowStats,
    private readonly exports: StatsExport,
  ) {}

  @Get('backlog')
  @ApiContract({
    id: 'statsBacklog',
    summary: 'Open tasks per queue and priority, now',
    caller: 'user',
    ok: { 200: 'BacklogStats' },
  })
  async backlog(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.floor.backlog(await this.filters.resolve({ ...query, workspaceId: scopeOf(user) }));
  }

  @Get('sla')
  @ApiContract({
    id: 'statsSla',
    summary: 'SLA state per queue',
    caller: 'user',
    ok: { 200: 'SlaStats' },
  })
  async sla(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.floor.sla(await this.filters.resolve({ ...query, workspaceId: scopeOf(user) }));
  }

  @Get('forecast')
  @ApiContract({
    id: 'statsForecast',
    summary: 'When each queue empties or breaches at current rates',
    caller: 'user',
    ok: { 200: 'ForecastStats' },
  })
  async forecast(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.floor.forecast(
      await this.filters.resolve({ ...query, workspaceId: scopeOf(user) }),
    );
  }

  @Get('throughput')
  @ApiContract({
    id: 'statsThroughput',
    summary: 'Arrivals, decisions and time to decision over a range',
    caller: 'user',
    ok: { 200: 'ThroughputStats' },
  })
  async throughput(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.flows.throughput(
      await this.filters.resolve({ ...query, workspaceId: scopeOf(user) }),
    );
  }

  @Get('automation')
  @ApiContract({
    id: 'statsAutomation',
    summary: 'How decisions split between policy, auto, AI and people',
    caller: 'user',
    ok: { 200: 'AutomationStats' },
  })
  async automation(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.flows.automation(
      await this.filters.resolve({ ...query, workspaceId: scopeOf(user) }),
    );
  }

  @Get('reviewers')
  @ApiContract({
    id: 'statsReviewers',
    summary: 'Per-reviewer figures over a range',
    caller: 'user',
    ok: { 200: 'ReviewersStats' },
  })
  async reviewers(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.flows.reviewers(
      await this.filters.resolve({ ...query, workspaceId: scopeOf(user) }),
    );
  }

  @Get('versions')
  @ApiContract({
    id: 'statsVersions',
    summary: 'Figures per pipeline, policy, prompt version and model',
    caller: 'user',
    ok: { 200: 'VersionsStats' },
  })
  async versions(@CurrentUser() user: UserPrincipal, @Query() query: StatsQueryDto) {
    return this.flows.versions(
      await this.filters.resolve({ ...query, workspaceId: scopeOf(user) }),
    );
  }

  /** Streamed page by page (keyset), never built whole in memory. */
  @Get('export')
  @AuditedExport('stats.export', 'stats')
  @ApiContract({
    id: 'statsExport',
    summary: 'Decisions or reviewer figures as CSV or JSON, streamed',
    caller: 'user',
    ok: {},
  })
  @ApiResponse({
    status: 200,
    description: 'A CSV file (format=csv, the default) or a JSON array (format=json)',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/json': {
        schema: {
          type: 'array',
          items: {
            oneOf: [
              { $ref: '#/components/schemas/DecisionExportRow' },
              { $ref: '#/components/schemas/ReviewerStats' },
            ],
          },
        },
      },
    },
  })
  @Header('cache-control', 'no-store')
  async export(
    @CurrentUser() user: UserPrincipal,
    @Query() query: StatsExportQueryDto,
  ): Promise<StreamableFile> {
    const scope = await this.filters.resolve({ ...query, workspaceId: scopeOf(user) });
    const format = query.format ?? 'csv';
    const kind = query.kind ?? 'decisions';
    const chunks =
      kind === 'decisions'
        ? this.exports.decisions(scope, format)
        : this.exports.reviewers(scope, format);
    return new StreamableFile(
      Readable.from(chunks, { objectMode: false, highWaterMark: 16 * 1024 }),
      {
        type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        disposition: `attachment; filename="arbiter-${kind}-${scope.filter.range.from.toISOString().slice(0, 10)}.${format}"`,
      },
    );
  }
}
