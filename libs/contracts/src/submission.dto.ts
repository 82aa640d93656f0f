import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from './limits';

export class ContextDocumentDto {
  @ApiProperty({ maxLength: LIMITS.contextId })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.contextId)
  id!: string;

  @ApiProperty({ maxLength: LIMITS.contextText })
  @IsString()
  @MaxLength(LIMITS.contextText)
  text!: string;
}

export class SubmissionInputDto {
  @ApiPropertyOptional({ maxLength: LIMITS.prompt })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.prompt)
  prompt?: string;

  @ApiPropertyOptional({ type: [ContextDocumentDto], maxItems: LIMITS.contextDocuments })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.contextDocuments)
  @ValidateNested({ each: true })
  @Type(() => ContextDocumentDto)
  context?: ContextDocumentDto[];

  @ApiPropertyOptional({ description: 'BCP 47 language of the conversation, e.g. "en", "th"' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.language)
  language?: string;
}

export class SubmissionOutputDto {
  @ApiPropertyOptional({
    maxLength: LIMITS.outputText,
    description: 'The text output (text or json is required)',
  })
  @ValidateIf((o: SubmissionOutputDto) => o.json === undefined || o.text !== undefined)
  @IsString({ message: 'output.text or output.json is required; text must be a string' })
  @MaxLength(LIMITS.outputText)
  text?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'A structured output (object or array)',
  })
  @IsOptional()
  @IsObject({ message: 'json must be an object' })
  json?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [String],
    maxItems: LIMITS.samples,
    description: 'Other samples for self-consistency',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.samples)
  @IsString({ each: true })
  @MaxLength(LIMITS.sampleText, { each: true })
  samples?: string[];

  @ApiPropertyOptional({
    type: [Number],
    maxItems: LIMITS.logprobs,
    description: 'Token log-probabilities (≤ 0)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.logprobs)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  // A probability is at most 1: a positive log-probability is a mistake to name, not to ignore.
  @Max(0, { each: true, message: 'logprobs must be log-probabilities (numbers ≤ 0)' })
  logprobs?: number[];
}

export class ModelDto {
  @ApiProperty({ example: 'openai' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.modelField)
  provider!: string;

  @ApiProperty({ example: 'gpt-4o-mini' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.modelField)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.modelField)
  version?: string;
}

/** POST /v1/submissions body. */
export class CreateSubmissionDto {
  @ApiProperty({
    example: 'demo',
    maxLength: LIMITS.pipelineKey,
    pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'pipeline must be a pipeline key (a-z, 0-9, -; at most 63)',
  })
  pipeline!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.externalId })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.externalId)
  externalId?: string;

  @ApiProperty({ type: SubmissionInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SubmissionInputDto)
  input!: SubmissionInputDto;

  @ApiProperty({ type: SubmissionOutputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SubmissionOutputDto)
  output!: SubmissionOutputDto;

  @ApiProperty({ type: ModelDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ModelDto)
  model!: ModelDto;

  @ApiPropertyOptional({ maxLength: LIMITS.promptVersion })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.promptVersion)
  promptVersion?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Free-form object, e.g. customer tier (priority rules read it)',
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: LIMITS.callbackUrl })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'callbackUrl must be an http(s) URL' },
  )
  @MaxLength(LIMITS.callbackUrl)
  callbackUrl?: string;
}

/** DELETE /v1/submissions query: the data subject whose submissions are erased. */
export class EraseSubmissionsQueryDto {
  @ApiProperty({
    description:
      'The external id given at submission: every submission of the caller with it is erased',
    minLength: 1,
    maxLength: LIMITS.externalId,
  })
  @IsString({ message: 'externalId is required: the external id whose submissions are erased' })
  @IsNotEmpty({ message: 'externalId must not be empty' })
  @MaxLength(LIMITS.externalId, {
    message: `externalId must be at most ${LIMITS.externalId} characters`,
  })
  externalId!: string;
}
