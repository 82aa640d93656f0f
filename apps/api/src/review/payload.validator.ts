import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ReviewError } from '@arbiter/review';
import { flattenValidationErrors } from '../common/validation.pipe';

/** Validates a socket payload like the REST pipe does; a bad payload is a 400 in the ack. */
export async function validatePayload<T extends object>(type: ClassConstructor<T>, payload: unknown): Promise<T> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ReviewError(400, 'payload must be an object');
  }
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new ReviewError(400, flattenValidationErrors(errors).map((p) => p.message).join('; '));
  return instance;
}
