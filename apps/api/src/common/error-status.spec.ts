import {
  BadRequestException,
  ConflictException,
  InternalServerErrorException,
} from '@nestjs/common';
import { AuditError, AuditErrorCode } from '@arbiter/audit';
import { DomainError } from '@arbiter/errors';
import { isRefusal } from './error-status';

// What the audit interceptor asks of an error: was the call refused (4xx) or did it fail (5xx)?
describe('isRefusal', () => {
  it.each([
    ['a validation error', new BadRequestException('bad'), true],
    ['a conflict', new ConflictException('taken'), true],
    ['a coded domain refusal', new AuditError(AuditErrorCode.BadRange, 'from after to'), true],
    [
      "Fastify's own 4xx (body too large)",
      Object.assign(new Error('too large'), { statusCode: 413 }),
      true,
    ],
    ['an HTTP 500', new InternalServerErrorException(), false],
    ['a code no slice declares (a bug)', new DomainError('nobody.knows', 'x'), false],
    ['a database error', Object.assign(new Error('refused by the test'), { code: 'P0001' }), false],
    ['a 5xx statusCode', Object.assign(new Error('bad gateway'), { statusCode: 502 }), false],
    ['not an error at all', undefined, false],
  ])('%s', (_name, error, refused) => {
    expect(isRefusal(error)).toBe(refused);
  });
});
