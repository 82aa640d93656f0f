import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ActivateVersionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

export class SplitDto {
  @ApiProperty({ minimum: 1, description: 'The version that receives `percent` % of new submissions' })
  @IsInt()
  @Min(1)
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
