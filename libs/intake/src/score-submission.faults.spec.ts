import { Logger } from '@nestjs/common';
import { AUTO, RULES_URL, setUp } from './score-submission.fixture';

describe('ScoreSubmission: faults and failed transactions', () => {
  beforeAll(() => Logger.overrideLogger(false));

  describe('faults never approve', () => {
    it('a scorer fault sends the submission to people with the fault as the reason', async () => {
      const t = setUp(AUTO);
      // A version stored by an older release names a signal this engine no longer has.
      const broken = t.policies.addUnchecked({
        ...(t.version.policy as unknown as Record<string, unknown>),
        pipeline: 'support',
        signals: { retiredSignal: { weight: 1 } },
      });
      const s = t.received({ policyVersionId: broken.id });

      expect(await t.useCase.execute(s.id, 1)).toBe('routed');

      expect(t.submissions.get(s.id)).toMatchObject({
        status: 'human_review',
        confidence: null,
        decision: {
          route: 'human_review',
          reasons: [{ code: 'scoring.failed', message: expect.stringContaining('retiredSignal') }],
        },
      });
      expect(t.events.names).toEqual(['submission.sent_to_human_review', 'submission.moved']);
    });

    it.each([
      ['received', ['received', 'scoring', 'human_review']],
      ['scoring', ['scoring', 'human_review']],
    ])(
      'failSafe hands a submission still %s to people after the last failed attempt',
      async (status, path) => {
        const t = setUp(AUTO);
        const s = t.received({ status });

        await t.useCase.failSafe(s.id, new Error('database unavailable'));

        expect(t.submissions.get(s.id)).toMatchObject({
          status: 'human_review',
          decision: {
            route: 'human_review',
            reasons: [{ code: 'scoring.failed', message: 'Scoring failed: database unavailable' }],
          },
        });
        expect(t.submissions.history(s.id).map((e) => e.toStatus)).toEqual(path.slice(1));
        expect(t.events.names).toEqual(['submission.sent_to_human_review', 'submission.moved']);
      },
    );

    it('failSafe leaves a submission that was routed meanwhile alone', async () => {
      const t = setUp(AUTO);
      const s = t.received({ status: 'approved' });

      await t.useCase.failSafe(s.id, new Error('late'));

      expect(t.submissions.get(s.id)?.status).toBe('approved');
      expect(t.events.published).toEqual([]);
    });

    it('a rule-service fault sends the submission to people whatever the entry’s onFail', async () => {
      const t = setUp({
        ...AUTO,
        validators: [{ type: 'webhook', url: RULES_URL, onFail: 'flag' }],
      });
      t.ruleService.answer = { fault: 'no answer within 3000 ms' };
      const s = t.received();

      expect(await t.useCase.execute(s.id, 1)).toBe('routed');

      expect(t.ruleService.asked).toEqual([
        expect.objectContaining({
          clientId: s.clientId,
          submissionId: s.id,
          pipeline: 'support',
          validator: expect.objectContaining({ type: 'webhook', url: RULES_URL }),
          input: { input: s.input, output: s.output },
        }),
      ]);
      expect(t.submissions.get(s.id)).toMatchObject({
        status: 'human_review',
        decision: {
          route: 'human_review',
          reasons: [expect.objectContaining({ code: 'webhook.fault' })],
        },
      });
    });

    it('a rule service’s findings count under the entry’s onFail', async () => {
      const t = setUp({
        ...AUTO,
        validators: [{ type: 'webhook', url: RULES_URL, onFail: 'reject' }],
      });
      t.ruleService.answer = {
        findings: [{ code: 'webhook.claim_amount', message: 'Amount exceeds the cover' }],
      };
      const s = t.received();

      await t.useCase.execute(s.id, 1);

      expect(t.submissions.get(s.id)).toMatchObject({
        status: 'rejected',
        decision: {
          decidedBy: 'policy',
          reasons: [{ code: 'webhook.claim_amount', message: 'Amount exceeds the cover' }],
        },
      });
    });

    it('a rule service that throws fails the attempt (to be retried) without routing', async () => {
      const t = setUp({
        ...AUTO,
        validators: [{ type: 'webhook', url: RULES_URL, onFail: 'flag' }],
      });
      t.ruleService.answer = new Error('socket hang up');
      const s = t.received();

      await expect(t.useCase.execute(s.id, 1)).rejects.toThrow('socket hang up');
      expect(t.submissions.get(s.id)?.status).toBe('received');
      expect(t.events.published).toEqual([]);
    });
  });

  describe('when the approving transaction fails', () => {
    it('nothing is approved and nothing is published', async () => {
      const t = setUp(AUTO);
      const s = t.received();
      t.db.failNextCommit(new Error('could not serialize access'));

      await expect(t.useCase.execute(s.id, 1)).rejects.toThrow('could not serialize access');

      expect(t.submissions.get(s.id)).toMatchObject({
        status: 'received',
        decision: null,
        confidence: null,
      });
      expect(t.submissions.history(s.id)).toEqual([]);
      expect(t.events.published).toEqual([]);
    });
  });
});
