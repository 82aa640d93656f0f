/** A refusal of a review action; `httpStatus` is what REST answers and what socket acks carry. */
export class ReviewError extends Error {
  constructor(
    readonly httpStatus: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

export const reviewErrors = {
  taskNotFound: (id: string) => new ReviewError(404, `Task ${id} not found`),
  notYourQueue: (queue: string) => new ReviewError(403, `You are not a member of queue "${queue}"`),
  notYourTask: (id: string) => new ReviewError(403, `Task ${id} is not held by you`),
  leaseLost: (id: string) =>
    new ReviewError(409, `Your lease on task ${id} has expired or was taken over; claim the next task`),
  invalid: (problems: string[]) => new ReviewError(400, problems.join('; ')),
};
