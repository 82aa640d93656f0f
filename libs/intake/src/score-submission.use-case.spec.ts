import { Logger } from '@nestjs/common';
import { AUTO, HUMAN, setUp } from './score-submission.fixture';

describe('ScoreSubmission', () => {
  beforeAll(() => Logger.overrideLogger(false));

  describe('routes by the policy', () => {
    it('an automatic approval goes through the approval gate in one transaction, then is published', async () => {
      const t = setUp(AUTO);
      const s = t.received();

      expect(await t.useCase.execute(s.id, 1)).toBe('routed');

      const scored = t.submissions.get(s.id);
      expect(scored).toMatchObject({
        status: 'approved',
        decidedAt: expect.any(Date),
        confidence: expect.any(Number),
        scoring: { signals: [expect.objectContaining({ name: 'grounding' })] },
        decision: {
          outcome: 'approved',
          route: 'approved',
          decidedBy: 'auto',
          reasons: [expect.objectContaining({ code: 'confidence.high' })],
          qaSample: false,
          qaSampleRate: 0,
          finalOutput: s.output,
        },
      });
      expect(t.submissions.history(s.id)).toEqual([
        expect.objectContaining({
          fromStatus: 'received',
          toStatus: 'scoring',
          data: { attempt: 1 },
        }),
        expect.objectContaining({ fromStatus: 'scoring', toStatus: 'approved', actor: 'worker' }),
      ]);
      expect(t.events.names).toEqual(['submission.approved', 'submission.moved']);
      expect(t.events.published.every((e) => !e.duringTransaction)).toBe(true);
    });

    it('an open breaker holds a would-be approval back for people, saying why', async () => {
      const t = setUp(AUTO);
      t.breaker.state = 'open';
      const s = t.received();

      expect(await t.useCase.execute(s.id, 1)).toBe('routed');

      expect(t.submissions.get(s.id)).toMatchObject({
        status: 'human_review',
        decidedAt: null,
        decision: {
          outcome: null,
          route: 'human_review',
          reasons: [
            expect.objectContaining({ code: 'breaker.open' }),
            expect.objectContaining({ code: 'confidence.high' }),
          ],
        },
      });
      expect(t.events.names).toEqual(['submission.sent_to_human_review', 'submission.moved']);
    });

    it('an open breaker holds a would-be approval for the AI reviewer when the pipeline has one', async () => {
      const t = setUp({ ...AUTO, aiReview: { providers: ['embedded'] } });
      t.breaker.state = 'open';
      const s = t.received();

      await t.useCase.execute(s.id, 1);

      expect(t.submissions.get(s.id)?.status).toBe('ai_review');
      expect(t.events.names).toEqual(['submission.sent_to_ai_review', 'submission.moved']);
    });

    it.each([
      ['low confidence to people', HUMAN, 'human_review', 'confidence.low', null],
      [
        'the doubtful band to the AI reviewer',
        { thresholds: { autoApprove: 1, aiReview: 0 }, aiReview: { providers: ['embedded'] } },
        'ai_review',
        'band.doubtful',
        null,
      ],
      [
        'a failed reject gate to rejected',
        { ...AUTO, validators: [{ type: 'phrases', deny: ['Paris'], onFail: 'reject' }] },
        'rejected',
        'phrase.denied',
        'rejected',
      ],
    ])(
      '%s, directly (the breaker holds back approvals only)',
      async (_name, policy, route, reason, outcome) => {
        const t = setUp(policy);
        t.breaker.state = 'open';
        const s = t.received();

        expect(await t.useCase.execute(s.id, 2)).toBe('routed');

        expect(t.submissions.get(s.id)).toMatchObject({
          status: route,
          decision: {
            route,
            outcome,
            reasons: [expect.objectContaining({ code: reason })],
          },
        });
        expect(t.submissions.get(s.id)?.decision?.reasons).toEqual(
          expect.not.arrayContaining([expect.objectContaining({ code: 'breaker.open' })]),
        );
        expect(t.events.names).toHaveLength(2);
        expect(t.events.names[1]).toBe('submission.moved');
        expect(t.events.published.every((e) => !e.duringTransaction)).toBe(true);
      },
    );

    it('says beside the band reason that a short answer was capped, and why', async () => {
      // Every signal (the short-answer model reads them all) and the short-answer path on.
      const t = setUp({ ...HUMAN, signals: undefined, scoring: { shortAnswers: true } });
      const s = t.received({
        input: {
          context: [{ id: 'fees', text: 'A check-up costs RM80 and scaling costs RM120.' }],
        },
        output: { text: 'A check-up is RM120 and scaling is RM80.' },
      });

      await t.useCase.execute(s.id, 1);

      const scored = t.submissions.get(s.id);
      expect(scored?.confidence).toBeCloseTo(1 / 33, 6);
      const reasons = scored?.decision?.reasons as { code: string; message: string }[];
      expect(reasons.map((r) => r.code)).toEqual(['confidence.low', 'score.capped']);
      expect(reasons[1].message).toBe(
        'The model\'s confidence is capped at 0.03 because the answer contradicts its context: swapped ("120", "80").',
      );
      expect(t.submissions.history(s.id)[1].data).toMatchObject({ reasons });
      // The words stay in the signals' cues only, where erasure finds them.
      expect(scored?.scoring).not.toHaveProperty('cap');
    });

    it('gives no cap reason for an answer nothing capped', async () => {
      const t = setUp({ ...HUMAN, signals: undefined, scoring: { shortAnswers: true } });
      const s = t.received({
        input: {
          context: [{ id: 'fees', text: 'A check-up costs RM80 and scaling costs RM120.' }],
        },
        output: { text: 'A check-up is RM80 and scaling is RM120.' },
      });

      await t.useCase.execute(s.id, 1);

      const reasons = t.submissions.get(s.id)?.decision?.reasons as { code: string }[];
      expect(reasons.map((r) => r.code)).toEqual(['confidence.low']);
    });

    it('picks up a submission left in scoring by a crashed attempt', async () => {
      const t = setUp(HUMAN);
      const s = t.received({ status: 'scoring' });

      expect(await t.useCase.execute(s.id, 2)).toBe('routed');

      expect(t.submissions.get(s.id)?.status).toBe('human_review');
      expect(t.submissions.history(s.id)).toEqual([
        expect.objectContaining({ fromStatus: 'scoring', toStatus: 'human_review' }),
      ]);
    });
  });

  describe('stale and missing submissions', () => {
    it('leaves a submission that has already been routed alone', async () => {
      const t = setUp(AUTO);
      const s = t.received({ status: 'human_review' });

      expect(await t.useCase.execute(s.id, 3)).toBe('stale');

      expect(t.submissions.get(s.id)?.status).toBe('human_review');
      expect(t.submissions.history(s.id)).toEqual([]);
      expect(t.events.published).toEqual([]);
    });

    it.each([
      ['an automatic approval', AUTO],
      ['a direct route', HUMAN],
    ])(
      'is stale when the submission moved between the read and the write (%s)',
      async (_name, policy) => {
        const t = setUp(policy);
        const s = t.received({ status: 'expired' });
        // The job read the row while it was still received; it expired before the write.
        jest.spyOn(t.submissions, 'findById').mockResolvedValueOnce({ ...s, status: 'received' });

        expect(await t.useCase.execute(s.id, 1)).toBe('stale');

        expect(t.submissions.get(s.id)?.status).toBe('expired');
        expect(t.events.published).toEqual([]);
      },
    );

    it('reports a missing submission', async () => {
      const t = setUp();
      expect(await t.useCase.execute('6f1c1f7e-0000-4000-8000-000000000000', 1)).toBe('missing');
    });

    it('fails (to be retried) when the policy version is unknown, changing nothing', async () => {
      const t = setUp();
      const s = t.received({ policyVersionId: '6f1c1f7e-0000-4000-8000-000000000001' });

      await expect(t.useCase.execute(s.id, 1)).rejects.toThrow(/policy version .* not found/);
      expect(t.submissions.get(s.id)?.status).toBe('received');
    });
  });
});
