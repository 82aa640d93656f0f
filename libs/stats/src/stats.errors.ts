/** A stats request that cannot be answered as asked: mapped to a 4xx naming the field. */
export class StatsQueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = 'StatsQueryError';
  }
}
