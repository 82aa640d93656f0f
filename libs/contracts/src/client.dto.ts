import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class CreateClientDto {
  @ApiProperty({ example: 'claims-bot' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Pipelines this client may submit to; omit for all',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    each: true,
    message: 'allowedPipelines must be pipeline keys',
  })
  allowedPipelines?: string[];
}

/** PUT /v1/clients/:id/quota body: requests per second per API key, or null for the default. */
export class ClientQuotaDto {
  @ApiProperty({ type: Number, nullable: true, example: 50 })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  requestsPerSecond!: number | null;
}

export class CreateApiKeyDto {
  @ApiProperty()
  @IsUUID()
  clientId!: string;

  @ApiProperty({ example: 'production' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export interface ClientView {
  id: string;
  name: string;
  allowedPipelines: string[] | null;
  createdAt: string;
}

export interface ApiKeyView {
  id: string;
  clientId: string;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Returned once, at creation: the key itself is never stored or shown again. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}
