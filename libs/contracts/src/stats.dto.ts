import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Filters every /v1/stats endpoint takes; the range is [from, to), rounded out to whole buckets. */
export class StatsQueryDto {
  @ApiPropertyOptional({ description: 'Pipeline key' })
  @IsOptional()
  @Matches(NAME, {
    message: 'pipeline must be a pipeline key (lower-case letters, digits, dashes)',
  })
  pipeline?: string;

  @ApiPropertyOptional({ description: 'Review queue name' })
  @IsOptional()
  @Matches(NAME, { message: 'queue must be a queue name (lower-case letters, digits, dashes)' })
  queue?: string;

  @ApiPropertyOptional({ description: 'Start of the range (ISO 8601); default: `to` minus 1 hour' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'End of the range (ISO 8601, exclusive); default: now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({
    enum: ['minute', 'hour'],
    description: 'Series resolution; default: minute up to 6 hours, hour beyond',
  })
  @IsOptional()
  @IsIn(['minute', 'hour'], { message: 'grain must be one of minute, hour' })
  grain?: 'minute' | 'hour';
}

export const STATS_EXPORT_KINDS = ['decisions', 'reviewers'] as const;
export const STATS_EXPORT_FORMATS = ['csv', 'json'] as const;

export class StatsExportQueryDto extends StatsQueryDto {
  @ApiPropertyOptional({
    enum: STATS_EXPORT_KINDS,
    description: 'What to export; default decisions',
  })
  @IsOptional()
  @IsIn(STATS_EXPORT_KINDS as unknown as string[], {
    message: `kind must be one of ${STATS_EXPORT_KINDS.join(', ')}`,
  })
  kind?: (typeof STATS_EXPORT_KINDS)[number];

  @ApiPropertyOptional({ enum: STATS_EXPORT_FORMATS, description: 'Default csv' })
  @IsOptional()
  @IsIn(STATS_EXPORT_FORMATS as unknown as string[], {
    message: `format must be one of ${STATS_EXPORT_FORMATS.join(', ')}`,
  })
  format?: (typeof STATS_EXPORT_FORMATS)[number];
}

/** Events of the /dashboard socket.io namespace (server → lead). */
export const DASHBOARD_EVENTS = {
  /** The whole live picture, sent once on connect. */
  snapshot: 'dashboard.snapshot',
  /** What changed since the last push (queues whose figures moved), at most once a second. */
  delta: 'dashboard.delta',
} as const;
