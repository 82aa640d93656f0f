import { Controller, Get, Header, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
import { StatsExportQueryDto, StatsQueryDto } from '@arbiter/contracts';
import { FloorStats, FlowStats, StatsExport, StatsFilterResolver } from '@arbiter/stats';
import { Readable } from 'node:stream';
import { ApiContract } from '../common/api-contract.decorator';
import { AuditedExport } from '../audit/audited.decorator';

/** Lead stats: the floor now (counters) and flows over a range (rollups). Leads and admins. */
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
  async backlog(@Query() query: StatsQueryDto) {
    return this.floor.backlog(await this.filters.resolve(query));
  }

  @Get('sla')
  @ApiContract({
    id: 'statsSla',
    summary: 'SLA state per queue',
    caller: 'user',
    ok: { 200: 'SlaStats' },
  })
  async sla(@Query() query: StatsQueryDto) {
    return this.floor.sla(await this.filters.resolve(query));
  }

  @Get('forecast')
  @ApiContract({
    id: 'statsForecast',
    summary: 'When each queue empties or breaches at current rates',
    caller: 'user',
    ok: { 200: 'ForecastStats' },
  })
  async forecast(@Query() query: StatsQueryDto) {
    return this.floor.forecast(await this.filters.resolve(query));
  }

  @Get('throughput')
  @ApiContract({
    id: 'statsThroughput',
    summary: 'Arrivals, decisions and time to decision over a range',
    caller: 'user',
    ok: { 200: 'ThroughputStats' },
  })
  async throughput(@Query() query: StatsQueryDto) {
    return this.flows.throughput(await this.filters.resolve(query));
  }

  @Get('automation')
  @ApiContract({
    id: 'statsAutomation',
    summary: 'How decisions split between policy, auto, AI and people',
    caller: 'user',
    ok: { 200: 'AutomationStats' },
  })
  async automation(@Query() query: StatsQueryDto) {
    return this.flows.automation(await this.filters.resolve(query));
  }

  @Get('reviewers')
  @ApiContract({
    id: 'statsReviewers',
    summary: 'Per-reviewer figures over a range',
    caller: 'user',
    ok: { 200: 'ReviewersStats' },
  })
  async reviewers(@Query() query: StatsQueryDto) {
    return this.flows.reviewers(await this.filters.resolve(query));
  }

  @Get('versions')
  @ApiContract({
    id: 'statsVersions',
    summary: 'Figures per pipeline, policy, prompt version and model',
    caller: 'user',
    ok: { 200: 'VersionsStats' },
  })
  async versions(@Query() query: StatsQueryDto) {
    return this.flows.versions(await this.filters.resolve(query));
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
  async export(@Query() query: StatsExportQueryDto): Promise<StreamableFile> {
    const scope = await this.filters.resolve(query);
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
