import {
  eraseDecision,
  erasedMarker,
  erasedUrl,
  eraseEventData,
  eraseReasons,
  eraseScoring,
} from './erasure.rules';

const marker = erasedMarker('retention');

describe('erasure rules', () => {
  it('marks erased text with the reason', () => {
    expect(erasedMarker('request')).toEqual({ erased: 'request' });
    expect(erasedUrl('retention')).toBe('erased:retention');
  });

  it('keeps scores, weights, contributions and gate outcomes, and drops the evidence, spans and suggestions', () => {
    const scoring = {
      logit: 1.2,
      model: 'fitted:v1',
      signals: [
        {
          name: 'grounding',
          score: 0.9,
          missing: false,
          weight: 1,
          contribution: 0.4,
          evidence: { alignedSentences: ['Paris is the capital'] },
        },
        { name: 'logprob', score: null, missing: true, weight: 1, contribution: 0 },
      ],
      gates: [
        {
          type: 'phrases',
          passed: false,
          onFail: 'human',
          findings: [
            {
              code: 'phrase.denied',
              message: 'A denied phrase.',
              spans: [{ start: 0, end: 5, text: 'Paris' }],
              suggestion: 'the city',
            },
          ],
          metrics: { n: 1 },
        },
        { type: 'length', passed: true, onFail: 'flag', findings: [] },
      ],
    };
    expect(eraseScoring(scoring, marker)).toEqual({
      logit: 1.2,
      model: 'fitted:v1',
      signals: [
        {
          name: 'grounding',
          score: 0.9,
          missing: false,
          weight: 1,
          contribution: 0.4,
          evidence: marker,
        },
        { name: 'logprob', score: null, missing: true, weight: 1, contribution: 0 },
      ],
      gates: [
        {
          type: 'phrases',
          passed: false,
          onFail: 'human',
          findings: [{ code: 'phrase.denied', message: 'A denied phrase.' }],
          metrics: { n: 1 },
        },
        { type: 'length', passed: true, onFail: 'flag', findings: [] },
      ],
    });
    expect(JSON.stringify(eraseScoring(scoring, marker))).not.toContain('Paris');
  });

  it("keeps the outcome, reasons, flags and AI verdict of a decision, and erases every output and the AI reviewer's words", () => {
    const decision = {
      outcome: 'approved',
      route: 'human_review',
      decidedBy: 'human',
      reasons: [{ code: 'review.approved', message: 'Approved by a reviewer' }],
      flags: ['flag:length'],
      reviewers: ['u-1'],
      edited: true,
      finalOutput: { text: 'Paris, France.' },
      originalOutput: { text: 'Paris.' },
      aiReview: {
        provider: 'embedded',
        model: 'm',
        region: 'local',
        verdict: 'unsure',
        confidence: 0.5,
        reasons: ['mentions Paris'],
        problematicSpans: [{ text: 'Paris' }],
      },
    };
    const erased = eraseDecision(decision, marker);
    expect(erased).toEqual({
      ...decision,
      finalOutput: marker,
      originalOutput: marker,
      aiReview: {
        provider: 'embedded',
        model: 'm',
        region: 'local',
        verdict: 'unsure',
        confidence: 0.5,
        reasons: [],
        problematicSpans: [],
      },
    });
    expect(JSON.stringify(erased)).not.toContain('Paris');
  });

  describe('routing reasons that quote the output (a capped short answer)', () => {
    const capped = {
      code: 'score.capped',
      message: `The model's confidence is capped at 0.03 because the answer contradicts its context: swapped ("RM120").`,
    };
    const low = {
      code: 'confidence.low',
      message: 'Confidence 0.03 is below the AI-review threshold 0.6.',
    };

    it('keep their code and lose their message; every other reason stays', () => {
      expect(eraseReasons([low, capped], marker)).toEqual([
        low,
        { code: 'score.capped', message: 'erased:retention' },
      ]);
      expect(eraseReasons([low], marker)).toEqual([low]);
      expect(eraseReasons(undefined, marker)).toBeUndefined();
    });

    it("an AI reviewer's own reasons keep their code and lose their words; its verdict's reason stays", () => {
      const said = { code: 'ai.approve', message: 'embedded says approve with confidence 0.95.' };
      const own = { code: 'ai.reason', message: 'The answer says Paris, as the passage does.' };
      expect(eraseReasons([said, own], marker)).toEqual([
        said,
        { code: 'ai.reason', message: 'erased:retention' },
      ]);
      expect(JSON.stringify(eraseDecision({ reasons: [said, own] }, marker))).not.toContain(
        'Paris',
      );
    });

    it('are erased in the decision', () => {
      const decision = {
        outcome: 'approved',
        route: 'approved',
        reasons: [low, capped],
        flags: [],
      };
      expect(eraseDecision(decision, marker)).toEqual({
        ...decision,
        reasons: [low, { code: 'score.capped', message: 'erased:retention' }],
      });
    });

    it("are erased in a transition event's data, and other data stays", () => {
      const data = { confidence: 0.03, reasons: [low, capped], flags: [] };
      expect(eraseEventData(data, erasedMarker('request'))).toEqual({
        confidence: 0.03,
        reasons: [low, { code: 'score.capped', message: 'erased:request' }],
        flags: [],
      });
      const other = { reason: 'retention', reviewDecisions: 0 };
      expect(eraseEventData(other, marker)).toEqual(other);
      expect(eraseEventData({ reasons: [low] }, marker)).toEqual({ reasons: [low] });
      expect(eraseEventData(null, marker)).toBeNull();
    });
  });

  it('leaves what has no text as it is', () => {
    const rejected = {
      outcome: 'rejected',
      decidedBy: 'policy',
      reasons: [],
      flags: [],
      finalOutput: null,
    };
    expect(eraseDecision(rejected, marker)).toEqual(rejected);
    expect(eraseDecision({ outcome: null, route: 'human_review', reasons: [] }, marker)).toEqual({
      outcome: null,
      route: 'human_review',
      reasons: [],
    });
    expect(eraseScoring({ signals: [], gates: [] }, marker)).toEqual({ signals: [], gates: [] });
  });

  it.each([[null], [undefined], ['text'], [[1, 2]]])(
    'passes a value that is not a record through (%j)',
    (value) => {
      expect(eraseScoring(value, marker)).toEqual(value);
      expect(eraseDecision(value, marker)).toEqual(value);
    },
  );
});
