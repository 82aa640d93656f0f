import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ReviewError, ReviewErrorCode } from '@arbiter/review';
import { findUnsafeText, MAX_NESTING, PROTOTYPE_KEYS } from '@arbiter/contracts';
import { flattenValidationErrors } from '../common/validation.pipe';

/** Validates a socket payload like the REST pipe does; a bad payload is a 400 in the ack. */
export async function validatePayload<T extends object>(
  type: ClassConstructor<T>,
  payload: unknown,
): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ReviewError(ReviewErrorCode.InvalidPayload, 'payload must be an object');
  }
  // What the HTTP hooks refuse before validation: text Postgres cannot store, nesting deeper
  // than class-transformer can walk, and prototype keys (socket.io parses with plain JSON.parse).
  const unsafe = findUnsafeText(payload, MAX_NESTING, PROTOTYPE_KEYS);
  if (unsafe) throw new ReviewError(ReviewErrorCode.InvalidPayload, unsafe.message);
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length)
    throw new ReviewError(
      ReviewErrorCode.InvalidPayload,
      flattenValidationErrors(errors)
        .map((p) => p.message)
        .join('; '),
    );
  return instance;
}
