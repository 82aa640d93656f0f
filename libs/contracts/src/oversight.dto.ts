import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNegative,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/** A lead forces a pipeline's automation breaker (`open`, `closed`) or hands it back to the evidence (`auto`). */
export class ForceBreakerDto {
  @ApiProperty({ enum: ['open', 'closed', 'auto'] })
  @IsIn(['open', 'closed', 'auto'])
  state!: 'open' | 'closed' | 'auto';

  @ApiProperty({ description: 'Why: kept in the pipeline history', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

/** The target of a threshold proposal; defaults: the policy's rollout.targetError (0.05) and qa.delta (0.05). */
export class RecalibrationQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'strictly between 0 and 1' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @IsPositive()
  @Max(0.999999)
  targetError?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'strictly between 0 and 1' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @IsPositive()
  @Max(0.999999)
  delta?: number;
}

/** A lead applies a recalibrated auto-approve threshold as a new, active policy version. */
export class ApplyRecalibrationDto {
  @ApiProperty({ minimum: 0, maximum: 1 })
  @IsNumber()
  @Min(0)
  @Max(1)
  autoApprove!: number;

  @ApiProperty({ description: 'Why: kept in the pipeline history', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

/**
 * A lead applies a refitted calibration as a new, active policy version: the proposal of
 * GET …/recalibration/refit as shown (a and b), or refitted afresh when they are left out.
 */
export class ApplyCalibrationRefitDto {
  @ApiProperty({ description: 'Why: kept in the pipeline history', minLength: 3, maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({
    description:
      'The Platt map p = 1 / (1 + exp(a·z + b)) on the logit z of the model confidence; a < 0. With b; both left out: refitted now',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsNegative()
  a?: number;

  @ApiPropertyOptional({ description: 'With a' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  b?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description:
      'The auto-approve threshold on the new scale; left out, the current one is carried over (the same outputs approved)',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  autoApprove?: number;
}

/** Filters of the alert history. */
export class AlertsQueryDto {
  @ApiPropertyOptional({ enum: ['firing', 'resolved'] })
  @IsOptional()
  @IsIn(['firing', 'resolved'])
  status?: 'firing' | 'resolved';

  @ApiPropertyOptional({ description: 'A pipeline key' })
  @IsOptional()
  @IsString()
  @MaxLength(63)
  pipeline?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
