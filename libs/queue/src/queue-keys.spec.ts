import { deploymentKeyPatterns, jobKey, queuePrefix } from './queue-keys';

describe('queuePrefix', () => {
  it.each([
    ['{arbiter}', 'score', '{arbiter:score}'],
    ['{arbiter}', 'review.support', '{arbiter:review.support}'],
    ['{t-0123456789ab}', 'deliver', '{t-0123456789ab:deliver}'],
    ['acme:{arbiter}', 'score', 'acme:{arbiter:score}'],
    ['arbiter', 'score', 'arbiter:{score}'],
  ])('%s + %s → %s', (prefix, queue, expected) => {
    expect(queuePrefix(prefix, queue)).toBe(expected);
  });

  it('gives each queue its own hash tag, so a cluster can place queues on different masters', () => {
    const tags = ['score', 'ai-review', 'deliver'].map(
      (queue) => /\{([^}]+)\}/.exec(queuePrefix('{arbiter}', queue))![1],
    );
    expect(new Set(tags).size).toBe(3);
  });

  it('names a job hash as BullMQ does', () => {
    expect(jobKey('{arbiter}', 'review.support', 'abc')).toBe(
      '{arbiter:review.support}:review.support:abc',
    );
  });
});

describe('deploymentKeyPatterns', () => {
  /** Redis glob matching, enough for * and escaped characters. */
  const matches = (pattern: string, key: string) =>
    new RegExp(
      `^${pattern
        .split(/(\\.|\*)/)
        .map((part) =>
          part === '*'
            ? '.*'
            : (part.startsWith('\\') ? part.slice(1) : part).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('')}$`,
    ).test(key);
  const covered = (prefix: string, key: string) =>
    deploymentKeyPatterns(prefix).some((p) => matches(p, key));

  it.each([
    ['{arbiter}', '{arbiter}:login:account:x', true],
    ['{arbiter}', '{arbiter:score}:score:wait', true],
    ['{arbiter}', '{arbiter:review.support}:review.support:meta', true],
    ['{arbiter}', '{arbiterx}:login', false],
    ['{arbiter}', '{other:score}:score:wait', false],
    ['arbiter', 'arbiter:{score}:score:wait', true],
    ['acme:{a}', 'acme:{a:deliver}:deliver:id', true],
    ['acme:{a}', 'other:{a:deliver}:deliver:id', false],
  ])('%s covers %s: %s', (prefix, key, expected) => {
    expect(covered(prefix, key)).toBe(expected);
  });
});
