import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LIMITS } from './limits';

const LABEL = /^[a-z][a-z0-9_-]{0,62}$/;
const REF = /^([a-z][a-z0-9_-]{0,62}|[1-9]\d{0,8})$/;

/** POST /v1/prompts/:key/resolve: what a generating service asks for. */
export class ResolvePromptDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "Values of the version's variables (checked against its schema; inserted as data, never as template code)",
  })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'BCP 47 language, e.g. en, ms, th; a known language without a variant gets the default one, flagged',
    maxLength: 35,
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;

  @ApiPropertyOptional({
    description: 'What the A/B split is sticky for (a user or conversation id)',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  unit?: string;

  @ApiPropertyOptional({ description: 'Serve this label instead of production or the split' })
  @IsOptional()
  @Matches(LABEL, { message: 'label must be a label name (a-z, 0-9, "_", "-")' })
  label?: string;
}

/** PUT /v1/prompts/:key/labels/:label: point a label at a version of this prompt. */
export class MoveLabelDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'Version number of this prompt (or give versionId)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.versionNumber)
  version?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Version id; it must be a version of this prompt',
  })
  @IsOptional()
  @IsUUID()
  versionId?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why: kept in the prompt history' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** PUT /v1/prompts/:key/split: `percent` % of units get `b`; 0 ends the split. */
export class PromptSplitDto {
  @ApiProperty({ description: 'Control arm: a label or a version number' })
  @Matches(REF, { message: 'a must be a label or a version number' })
  a!: string;

  @ApiProperty({ description: 'Candidate arm: a label or a version number' })
  @Matches(REF, { message: 'b must be a label or a version number' })
  b!: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** GET /v1/prompts/:key/diff?from=&to= */
export class PromptDiffQueryDto {
  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.versionNumber)
  from!: number;

  @ApiProperty({ minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.versionNumber)
  to!: number;
}
