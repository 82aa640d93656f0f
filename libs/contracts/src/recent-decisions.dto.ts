import { OptionalQueryInt } from './query-int';

/** GET /v1/review/decisions/mine: how many of the latest decisions to list. */
export class RecentDecisionsQueryDto {
  @OptionalQueryInt('limit', 50, { default: 10 })
  limit?: number;
}
