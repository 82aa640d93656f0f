import { Controller, Get, Header, Query, StreamableFile, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
import { StatsExportQueryDto, StatsQueryDto } from '@arbiter/contracts';
import { FloorStats, FlowStats, StatsExport, StatsFilterResolver } from '@arbiter/stats';
import { Readable } from 'node:stream';
import { StatsErrorFilter } from './stats-error.filter';

/** Lead stats: the floor now (counters) and flows over a range (rollups). Leads and admins. */
@ApiTags('stats')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Roles('lead')
@UseFilters(StatsErrorFilter)
@Controller('v1/stats')
export class StatsController {
  constructor(
    private readonly filters: StatsFilterResolver,
    private readonly floor: FloorStats,
    private readonly flows: FlowStats,
    private readonly exports: StatsExport,
  ) {}

  @Get('backlog')
  async backlog(@Query() query: StatsQueryDto) {
    return this.floor.backlog(await this.filters.resolve(query));
  }

  @Get('sla')
  async sla(@Query() query: StatsQueryDto) {
    return this.floor.sla(await this.filters.resolve(query));
  }

  @Get('forecast')
  async forecast(@Query() query: StatsQueryDto) {
    return this.floor.forecast(await this.filters.resolve(query));
  }

  @Get('throughput')
  async throughput(@Query() query: StatsQueryDto) {
    return this.flows.throughput(await this.filters.resolve(query));
  }

  @Get('automation')
  async automation(@Query() query: StatsQueryDto) {
    return this.flows.automation(await this.filters.resolve(query));
  }

  @Get('reviewers')
  async reviewers(@Query() query: StatsQueryDto) {
    return this.flows.reviewers(await this.filters.resolve(query));
  }

  @Get('versions')
  async versions(@Query() query: StatsQueryDto) {
    return this.flows.versions(await this.filters.resolve(query));
  }

  /** Streamed page by page (keyset), never built whole in memory. */
  @Get('export')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/csv', 'application/json')
  async export(@Query() query: StatsExportQueryDto): Promise<StreamableFile> {
    const scope = await this.filters.resolve(query);
    const format = query.format ?? 'csv';
    const kind = query.kind ?? 'decisions';
    const chunks = kind === 'decisions' ? this.exports.decisions(scope, format) : this.exports.reviewers(scope, format);
    return new StreamableFile(Readable.from(chunks, { objectMode: false, highWaterMark: 16 * 1024 }), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      disposition: `attachment; filename="arbiter-${kind}-${scope.filter.range.from.toISOString().slice(0, 10)}.${format}"`,
    });
  }
}
