import { scoreOutput } from '../../engine/score-output';
import { validateScoringConfig } from '../../engine/config-validation';
import type { ValidatorConfig } from '../../scoring.types';
import corpus from './fixtures/sql-corpus.json';

const policy = corpus.policy as ValidatorConfig;
const unsafe = Object.entries(corpus.unsafe as Record<string, string[]>).flatMap(
  ([category, list]) => list.map((sql) => [category, sql] as const),
);

function findings(sql: string): string[] {
  return scoreOutput(
    { input: {}, output: { text: sql } },
    { signals: {}, validators: [policy] },
  ).gates[0].findings.map((f) => f.code);
}

describe('sql corpus (docs/policy.md records the counts)', () => {
  it('is big enough and its policy is valid', () => {
    expect(corpus.safe.length).toBeGreaterThanOrEqual(100);
    expect(unsafe.length).toBeGreaterThanOrEqual(140);
    expect(validateScoringConfig({ signals: {}, validators: [policy] })).toEqual([]);
  });

  it.each(unsafe)('refuses (%s): %s', (_category, sql) => {
    expect(findings(sql).length).toBeGreaterThan(0);
  });

  it.each(corpus.safe.map((sql) => [sql]))('passes: %s', (sql) => {
    expect(findings(sql)).toEqual([]);
  });
});
