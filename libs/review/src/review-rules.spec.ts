import { CastDecision, checkDecision, evaluateConsensus } from './review-rules';

const d = (
  reviewerId: string,
  action: CastDecision['action'],
  extra: Partial<CastDecision> = {},
): CastDecision => ({
  reviewerId,
  action,
  reasonCodes: [],
  ...extra,
});

describe('evaluateConsensus', () => {
  it.each<[string, CastDecision[], number, string]>([
    ['one approve of one', [d('a', 'approve')], 1, 'agreed'],
    ['one reject of one', [d('a', 'reject', { reasonCodes: ['wrong'] })], 1, 'agreed'],
    ['one approve of two', [d('a', 'approve')], 2, 'waiting'],
    ['two approves of two', [d('a', 'approve'), d('b', 'approve')], 2, 'agreed'],
    [
      'approve + edit agree',
      [d('a', 'approve'), d('b', 'edit', { editedOutput: { text: 'x' } })],
      2,
      'agreed',
    ],
    ['approve + reject disagree', [d('a', 'approve'), d('b', 'reject')], 2, 'disagreed'],
    [
      'disagreement shows before n is reached',
      [d('a', 'approve'), d('b', 'reject')],
      3,
      'disagreed',
    ],
    ['the same reviewer twice counts once', [d('a', 'approve'), d('a', 'approve')], 2, 'waiting'],
    ['no decisions', [], 1, 'waiting'],
  ])('%s', (_name, decisions, required, state) => {
    expect(evaluateConsensus(decisions, required).state).toBe(state);
  });

  it('an agreed edit carries the edited output and the reasons of all', () => {
    const result = evaluateConsensus(
      [
        d('a', 'approve', { reasonCodes: ['ok'] }),
        d('b', 'edit', { editedOutput: { text: 'better' }, reasonCodes: ['tone'] }),
      ],
      2,
    );
    expect(result).toEqual({
      state: 'agreed',
      outcome: 'approved',
      finalOutput: { text: 'better' },
      reasons: ['ok', 'tone'],
    });
  });

  it('a rejection is agreed as rejected', () => {
    expect(evaluateConsensus([d('a', 'reject', { reasonCodes: ['x'] })], 1)).toMatchObject({
      outcome: 'rejected',
    });
  });
});

describe('checkDecision', () => {
  const rules = {
    allowedReasonCodes: ['inaccurate', 'tone'],
    escalateTo: 'leads',
    isEscalationTask: false,
  };
  it.each<[string, Parameters<typeof checkDecision>[0], typeof rules, RegExp | null]>([
    ['approve', { action: 'approve', reasonCodes: [] }, rules, null],
    [
      'reject without reason',
      { action: 'reject', reasonCodes: [] },
      rules,
      /needs at least one reason/,
    ],
    [
      'unknown reason code',
      { action: 'reject', reasonCodes: ['bad'] },
      rules,
      /unknown code\(s\) bad/,
    ],
    ['edit without output', { action: 'edit', reasonCodes: [] }, rules, /editedOutput/],
    [
      'approve with an edited output',
      { action: 'approve', reasonCodes: [], editedOutput: { text: 'x' } },
      rules,
      /only an edit/,
    ],
    [
      'escalate without escalateTo',
      { action: 'escalate', reasonCodes: [] },
      { ...rules, escalateTo: undefined } as never,
      /no review.escalateTo/,
    ],
    [
      'escalate an escalation',
      { action: 'escalate', reasonCodes: [] },
      { ...rules, isEscalationTask: true },
      /cannot be escalated again/,
    ],
  ])('%s', (_name, input, r, problem) => {
    const problems = checkDecision(input, r);
    if (problem) expect(problems.join('; ')).toMatch(problem);
    else expect(problems).toEqual([]);
  });
});
