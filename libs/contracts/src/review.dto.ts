import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  ValidateIf,
} from 'class-validator';
import { LIMITS } from './limits';

const QUEUE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class ClaimDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Only these of my queues (default: all of mine)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(QUEUE_NAME, { each: true, message: 'queues must be queue names' })
  queues?: string[];
}

export class LeaseDto {
  @ApiProperty({ description: 'The lease token returned by claim' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  leaseToken!: string;
}

export class EditedOutputDto {
  @ApiPropertyOptional({ maxLength: LIMITS.outputText })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.outputText)
  text?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  json?: Record<string, unknown>;
}

export const REVIEW_ACTIONS = ['approve', 'reject', 'edit', 'escalate'] as const;

export class DecideDto extends LeaseDto {
  @ApiProperty({ enum: REVIEW_ACTIONS })
  @IsIn(REVIEW_ACTIONS as unknown as string[], {
    message: `action must be one of ${REVIEW_ACTIONS.join(', ')}`,
  })
  action!: (typeof REVIEW_ACTIONS)[number];

  @ApiPropertyOptional({
    type: [String],
    description: "Codes from the pipeline's review.reasonCodes; required on reject",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  reasonCodes?: string[];

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  @ApiPropertyOptional({ type: EditedOutputDto, description: 'Required for edit' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EditedOutputDto)
  editedOutput?: EditedOutputDto;
}

export const USER_ROLE_NAMES = ['reviewer', 'lead', 'admin'] as const;

export class CreateUserDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'email must be an email address' })
  @MaxLength(LIMITS.email)
  email!: string;

  /** Required while local logins are on; refused when they are off (people sign in with SSO). */
  @ApiPropertyOptional({ minLength: 8 })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Matches(/^.{8,200}$/s, { message: 'password must be 8 to 200 characters' })
  password?: string;

  @ApiProperty({ enum: USER_ROLE_NAMES })
  @IsIn(USER_ROLE_NAMES as unknown as string[], {
    message: `role must be one of ${USER_ROLE_NAMES.join(', ')}`,
  })
  role!: (typeof USER_ROLE_NAMES)[number];

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf((_, value) => value !== undefined) // absent is fine; null is not a list
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(QUEUE_NAME, { each: true, message: 'queues must be queue names' })
  queues?: string[];

  @ApiPropertyOptional({ type: [String], description: 'e.g. languages: ["th", "en"]' })
  @ValidateIf((_, value) => value !== undefined) // absent is fine; null is not a list
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  skills?: string[];
}

/** Role, queues and skills of an existing user; every field optional, validated as on create. */
// skipNullProperties: false, or IsOptional lets `"role": null` through to a NOT NULL column (a 500).
export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['role', 'queues', 'skills'] as const),
  { skipNullProperties: false },
) {}

export interface UserView {
  id: string;
  email: string;
  role: string;
  queues: string[];
  skills: string[];
  createdAt: string;
  /** When an admin disabled the user (their tokens no longer work), or null. */
  disabledAt: string | null;
  /** The workspaces the person holds a role in (of the caller's workspace only). */
  workspaces: { key: string; role: string }[];
}

export interface QueueCountsView {
  queue: string;
  waiting: number;
  claimed: number;
}

/** Socket.io events of the /review namespace (client → server, all acknowledged). */
export const REVIEW_SOCKET_COMMANDS = {
  claim: 'claim',
  heartbeat: 'heartbeat',
  release: 'release',
  decide: 'decide',
  queues: 'queues',
  /** The tasks I still hold on a live lease (a desk resumes them after a reload or a new login). */
  held: 'held',
} as const;
