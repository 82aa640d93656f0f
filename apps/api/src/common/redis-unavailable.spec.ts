import { isRedisUnavailable } from './redis-unavailable';

describe('isRedisUnavailable', () => {
  it.each([
    [
      'the fail-fast producer while disconnected',
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
    ],
    ['a closed connection', new Error('Connection is closed.')],
    [
      'retries exhausted',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
    ['a wrapped cause', new Error('login failed', { cause: new Error('Connection is closed.') })],
    [
      'a cluster reconnecting',
      new Error("Cluster isn't ready and enableOfflineQueue options is false"),
    ],
    [
      'a cluster with no master reachable',
      Object.assign(new Error('Failed to refresh slots cache.'), {
        lastNodeError: new Error('connect ECONNREFUSED 127.0.0.1:7100'),
      }),
    ],
    ['a cluster with slots not served', new Error('CLUSTERDOWN The cluster is down')],
  ])('%s → unavailable', (_, error) => {
    expect(isRedisUnavailable(error)).toBe(true);
  });

  it.each([
    ['a script error', new Error('ERR Error running script')],
    [
      'a wrong type',
      new Error('WRONGTYPE Operation against a key holding the wrong kind of value'),
    ],
    ['keys in different slots', new Error("CROSSSLOT Keys in request don't hash to the same slot")],
    ['not an error', 'Connection is closed.'],
    ['null', null],
  ])('%s → a real failure, not an outage', (_, error) => {
    expect(isRedisUnavailable(error)).toBe(false);
  });
});
