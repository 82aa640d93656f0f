import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from './limits';
import { OptionalQueryInt } from './query-int';

/** A rule that takes decided items in as they are decided: every approval, rejection or edit (of one queue). */
export class DatasetRuleDto {
  @ApiProperty({ enum: ['approvals', 'rejections', 'edits'] })
  @IsIn(['approvals', 'rejections', 'edits'])
  kind!: 'approvals' | 'rejections' | 'edits';

  @ApiPropertyOptional({ description: 'Only items reviewed in this queue' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  queue?: string;
}

/** POST /v1/datasets */
export class CreateDatasetDto {
  @ApiProperty({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'pipeline must be a pipeline key' })
  pipeline!: string;

  @ApiProperty({
    format: 'uuid',
    description: "The client whose decided items it holds (one client's data only)",
  })
  @IsUUID()
  client!: string;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ description: 'The prompt whose versions regression runs generate with' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'prompt must be a prompt key' })
  prompt?: string;

  @ApiPropertyOptional({ type: [DatasetRuleDto], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DatasetRuleDto)
  rules?: DatasetRuleDto[];

  @ApiPropertyOptional({ enum: ['none', 'daily'] })
  @IsOptional()
  @IsIn(['none', 'daily'])
  schedule?: 'none' | 'daily';

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'A run below this pass rate fails (default 0.9)',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minPassRate?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'Token overlap with the reference an output needs to pass (default 0.5)',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minSimilarity?: number;
}

/** POST /v1/datasets/:id/items */
export class AddDatasetItemsDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 1000,
    description: "Submissions decided by people, of the dataset's pipeline and client",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  submissionIds!: string[];
}

/** One uploaded candidate output of a run. */
export class CandidateOutputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId!: string;

  @ApiProperty({ maxLength: 100_000 })
  @IsString()
  @MaxLength(100_000)
  text!: string;
}

/** POST /v1/datasets/:id/runs */
export class StartRunDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: "Version of the dataset's prompt (default: its production label)",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.versionNumber)
  promptVersion?: number;

  @ApiPropertyOptional({
    maxLength: 200,
    description: "Model to generate with instead of the version's",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  model?: string;

  @ApiPropertyOptional({
    type: [CandidateOutputDto],
    maxItems: 10_000,
    description: 'Score these outputs instead of generating',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => CandidateOutputDto)
  candidates?: CandidateOutputDto[];
}

/** GET /v1/datasets?pipeline= */
export class DatasetsQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'pipeline must be a pipeline key' })
  pipeline?: string;
}

/** GET /v1/prompts/:key/history and run lists: how many. */
export class LimitQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/**
 * GET /v1/datasets/:id/items and GET /v1/datasets/:id/runs/:runId: a page of items. The cursor is
 * opaque; its shape is checked here and what it points at by the use case (another list's cursor
 * is refused there).
 */
export class DatasetPageQueryDto {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page (absent: the first)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,300}$/, { message: 'cursor must be the nextCursor of a page' })
  cursor?: string;

  @OptionalQueryInt('limit', 500, { default: 50 })
  limit?: number;
}
