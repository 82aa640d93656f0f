import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { LIMITS } from './limits';

/** One message for every way a version number can be wrong: not whole, too small, too big. */
const VERSION = { message: `version must be an integer from 1 to ${LIMITS.versionNumber}` };

export class ActivateVersionDto {
  @ApiProperty({ minimum: 1, maximum: LIMITS.versionNumber })
  @IsInt(VERSION)
  @Min(1, VERSION)
  @Max(LIMITS.versionNumber, VERSION)
  version!: number;
}

export class SplitDto {
  @ApiProperty({
    minimum: 1,
    maximum: LIMITS.versionNumber,
    description: 'The version that receives `percent` % of new submissions',
  })
  @IsInt(VERSION)
  @Min(1, VERSION)
  @Max(LIMITS.versionNumber, VERSION)
  version!: number;

  @ApiProperty({ minimum: 0, maximum: 100, description: '0 ends the split' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;
}

export interface PolicyVersionView {
  version: number;
  checksum: string;
  source: string;
  createdAt: string;
  document: Record<string, unknown>;
  /** The document as it is scored: a policy without signals gets every signal of the fitted model. */
  effective: Record<string, unknown>;
  /** What the version gives up, e.g. fitted signals its `signals:` list leaves out. */
  warnings: { path: string; message: string }[];
}

export interface PipelineView {
  key: string;
  activeVersion: number | null;
  previousVersions: number[];
  split: { version: number; percent: number } | null;
  versions: PolicyVersionView[];
}

/** A policy problem placed in the text that was checked (null where the text has no place for it). */
export interface LocatedProblemView {
  path: string;
  message: string;
  line: number | null;
  column: number | null;
}

/** What saving a policy would say, without saving it: POST /v1/pipelines/:key/check. */
export interface PolicyCheckView {
  /** True when PUT /v1/pipelines/:key would accept the document. */
  valid: boolean;
  problems: LocatedProblemView[];
  /** What a valid document gives up (the same warnings PUT answers with). */
  warnings: LocatedProblemView[];
}
