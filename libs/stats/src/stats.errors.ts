import { DomainError } from '@arbiter/errors';

export enum StatsErrorCode {
  InvalidFilter = 'stats.invalid_filter',
}

/** A stats request that cannot be answered as asked: the api answers a 400 naming the field. */
export class StatsQueryError extends DomainError<StatsErrorCode> {
  constructor(field: string, message: string) {
    super(StatsErrorCode.InvalidFilter, message, [{ path: field, message }]);
  }
}
