import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** An `:id` route parameter that must be a UUID: a clear 400 instead of a database error. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id must be a UUID'),
});
