import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { LIMITS } from './limits';
import { OptionalQueryInt } from './query-int';

/** Event types sent by webhook and listed in the events feed. */
export type OutcomeEventType =
  'submission.approved' | 'submission.rejected' | 'submission.expired' | 'submission.routed';

/** PUT /v1/webhook: the client's default endpoint (a submission's callbackUrl wins over it). */
export class UpdateWebhookEndpointDto {
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: LIMITS.callbackUrl,
    description: 'null removes the default endpoint',
  })
  @ValidateIf((o: UpdateWebhookEndpointDto) => o.url !== null)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL or null' },
  )
  @MaxLength(LIMITS.callbackUrl)
  url!: string | null;

  @ApiPropertyOptional({
    description: 'Also send submission.routed for intermediate states',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  subscribeRouted?: boolean;
}

/** POST /v1/webhook/secrets/rotate. */
export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 30 * 86400,
    description: 'How long the old secret keeps signing (default from config)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30 * 86400)
  overlapSeconds?: number;
}

/** GET /v1/events query. */
export class EventsQueryDto {
  @ApiPropertyOptional({
    description: 'Cursor of the last event already seen (0 or absent: from the start)',
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, {
    message: 'after must be a cursor returned by this feed (a non-negative integer)',
  })
  after?: string;

  @OptionalQueryInt('limit', 1000, { default: 100 })
  limit?: number;
}

/** Admin dead-letter filters and replay-all scope. */
export class DeadLetterScopeDto {
  @ApiPropertyOptional({ description: 'Only this client (all clients when absent)' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;
}

export interface WebhookSecretView {
  id: string;
  /** `whsec_<base64>`: configure it in a Standard Webhooks verifier. */
  secret: string;
  createdAt: string;
  /** Set on a rotated-out secret: it signs next to the new one until then. */
  expiresAt: string | null;
}

export interface WebhookEndpointView {
  url: string | null;
  subscribeRouted: boolean;
  secrets: WebhookSecretView[];
}

export interface FeedEventView {
  cursor: string;
  /** Also the `webhook-id` of its webhook. */
  id: string;
  type: OutcomeEventType;
  submissionId: string;
  createdAt: string;
  /** The webhook body: `{type, timestamp, data}`. */
  payload: unknown;
}

export interface EventsFeedView {
  events: FeedEventView[];
  /** Pass as `after` to continue; unchanged when there was nothing new. */
  nextCursor: string;
  hasMore: boolean;
}

export interface DeadLetterView {
  id: string;
  clientId: string;
  submissionId: string;
  type: OutcomeEventType;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deadAt: string;
}

export interface ReplayResultView {
  replayed: number;
}
