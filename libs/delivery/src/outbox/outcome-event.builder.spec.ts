import {
  buildAuditFailedBody,
  buildOutcomeBody,
  eraseOutcomeBody,
  eventTypeFor,
  OutcomeSubject,
} from './outcome-event.builder';

const subject: OutcomeSubject = {
  id: 's-1',
  externalId: 'ext-1',
  pipeline: 'support',
  output: { text: 'original' },
  decision: {
    outcome: 'approved',
    decidedBy: 'human',
    reasons: [{ code: 'ok', message: 'fine' }],
    finalOutput: { text: 'edited' },
  },
  decidedAt: new Date('2026-01-02T03:04:05Z'),
};
const at = new Date('2026-01-02T03:04:06Z');

describe('outcome events', () => {
  it.each([
    ['approved', 'submission.approved'],
    ['rejected', 'submission.rejected'],
    ['expired', 'submission.expired'],
    ['human_review', 'submission.routed'],
    ['ai_review', 'submission.routed'],
    ['scoring', null],
    ['received', null],
  ])('%s → %s', (state, type) => {
    expect(eventTypeFor(state)).toBe(type);
  });

  it('carries the edited final output, decider, reasons and links', () => {
    expect(JSON.parse(buildOutcomeBody('submission.approved', 'approved', subject, at))).toEqual({
      type: 'submission.approved',
      timestamp: '2026-01-02T03:04:06.000Z',
      data: {
        id: 's-1',
        externalId: 'ext-1',
        pipeline: 'support',
        status: 'approved',
        decision: {
          outcome: 'approved',
          decidedBy: 'human',
          finalOutput: { text: 'edited' },
          reasons: [{ code: 'ok', message: 'fine' }],
          flags: [],
        },
        decidedAt: '2026-01-02T03:04:05.000Z',
        links: { submission: '/v1/submissions/s-1', events: '/v1/events' },
      },
    });
  });

  it('falls back to the submitted output for an approval without finalOutput', () => {
    const body = JSON.parse(
      buildOutcomeBody(
        'submission.approved',
        'approved',
        { ...subject, decision: { decidedBy: 'auto' } },
        at,
      ),
    );
    expect(body.data.decision).toEqual({
      outcome: 'approved',
      decidedBy: 'auto',
      finalOutput: { text: 'original' },
      reasons: [],
      flags: [],
    });
  });

  it('an expiry is decided by the policy and has no output', () => {
    const body = JSON.parse(
      buildOutcomeBody(
        'submission.expired',
        'expired',
        { ...subject, decision: null, decidedAt: null },
        at,
      ),
    );
    expect(body.data.decision).toEqual({
      outcome: 'expired',
      decidedBy: 'policy',
      finalOutput: null,
      reasons: [],
      flags: [],
    });
    expect(body.data.decidedAt).toBe(at.toISOString());
  });

  it('an expiry the policy approves says so in its flags and carries the output that goes out', () => {
    const body = JSON.parse(
      buildOutcomeBody(
        'submission.expired',
        'expired',
        {
          ...subject,
          decision: {
            outcome: 'approved',
            decidedBy: 'policy',
            finalOutput: { text: 'original' },
            flags: ['approved-on-expiry'],
            reasons: [],
          },
        },
        at,
      ),
    );
    expect(body.data.decision).toEqual({
      outcome: 'expired',
      decidedBy: 'policy',
      finalOutput: { text: 'original' },
      reasons: [],
      flags: ['approved-on-expiry'],
    });
  });

  it('a routed event names the route and no outcome', () => {
    const body = JSON.parse(
      buildOutcomeBody(
        'submission.routed',
        'human_review',
        { ...subject, decision: { reasons: [] } },
        at,
      ),
    );
    expect(body.data.decision).toEqual({
      outcome: null,
      decidedBy: null,
      finalOutput: null,
      reasons: [],
      flags: [],
      route: 'human_review',
    });
  });

  it('is the same text for the same input', () => {
    expect(buildOutcomeBody('submission.rejected', 'rejected', subject, at)).toBe(
      buildOutcomeBody('submission.rejected', 'rejected', subject, at),
    );
  });
});

describe('eraseOutcomeBody', () => {
  const marker = { erased: 'retention' };

  it('replaces the final output and keeps the outcome, reasons, ids and times', () => {
    const body = buildOutcomeBody('submission.approved', 'approved', subject, at);
    const erased = JSON.parse(eraseOutcomeBody(body, marker));
    const original = JSON.parse(body);
    expect(erased.data.decision.finalOutput).toEqual(marker);
    expect({ ...erased.data, decision: { ...erased.data.decision, finalOutput: null } }).toEqual({
      ...original.data,
      decision: { ...original.data.decision, finalOutput: null },
    });
    expect(eraseOutcomeBody(body, marker)).not.toContain('edited');
  });

  it('hands the decision reasons to the rewrite it is given (the erasure rules pick those that quote the output)', () => {
    const reasons = [{ code: 'score.capped', message: 'swapped ("120")' }];
    const body = buildOutcomeBody(
      'submission.approved',
      'approved',
      { ...subject, decision: { outcome: 'approved', reasons } },
      at,
    );
    const seen: unknown[] = [];
    const erased = JSON.parse(
      eraseOutcomeBody(body, marker, (r) => {
        seen.push(r);
        return [{ code: 'score.capped', message: 'erased:retention' }];
      }),
    );
    expect(seen).toEqual([reasons]);
    expect(erased.data.decision.reasons).toEqual([
      { code: 'score.capped', message: 'erased:retention' },
    ]);
  });

  it('leaves a body without text as it was (a rejection has no final output)', () => {
    const body = buildOutcomeBody(
      'submission.rejected',
      'rejected',
      { ...subject, decision: { outcome: 'rejected', reasons: [] } },
      at,
    );
    expect(JSON.parse(eraseOutcomeBody(body, marker))).toEqual(JSON.parse(body));
  });

  it("erases an audit's comment and corrected output, keeping its verdict and reason codes", () => {
    const body = buildAuditFailedBody(
      subject,
      {
        taskId: 't-1',
        reasonCodes: ['wrong-facts'],
        comment: 'says Lyon',
        correctedOutput: { text: 'Paris' },
      },
      at,
    );
    const erased = JSON.parse(eraseOutcomeBody(body, marker));
    expect(erased.data.audit).toEqual({
      taskId: 't-1',
      verdict: 'overturned',
      reasonCodes: ['wrong-facts'],
      comment: null,
      correctedOutput: marker,
    });
  });

  it.each([['not json'], ['"a string"'], ['{"type":"x"}'], ['null']])(
    'turns a foreign body %s into the marker alone',
    (body) => {
      expect(JSON.parse(eraseOutcomeBody(body, marker))).toEqual(marker);
    },
  );
});
