import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

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
