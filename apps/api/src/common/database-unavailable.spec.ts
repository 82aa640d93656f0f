import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each<[string, unknown, boolean]>([
    ['connection refused', withCode('ECONNREFUSED'), true],
    [
      'a server shutting down (57P01) inside a QueryFailedError',
      new QueryFailedError('SELECT 1', [], withCode('57P01')),
      true,
    ],
    ['too many connections', withCode('53300'), true],
    ['a cut session', new Error('Connection terminated unexpectedly'), true],
    [
      'a pool that cannot connect in time',
      new Error('timeout exceeded when trying to connect'),
      true,
    ],
    ['refused on every address', new AggregateError([withCode('ECONNREFUSED')]), true],
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('23505')), false],
    ['bad data (22P05)', new QueryFailedError('INSERT', [], withCode('22P05')), false],
    ['a plain bug', new TypeError('x is undefined'), false],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s → %p', (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
