import { CandidateRoute, judgeItem } from './item-verdict';
import { tokenF1 } from './text-similarity';

const routed = (route: CandidateRoute['route']): CandidateRoute => ({
  route,
  confidence: 0.8,
  reasons: route === 'rejected' ? ['pii found'] : [],
});
const approved = {
  verdict: 'approved' as const,
  output: { text: 'Your refund of 20 dollars was sent today.' },
  correctedOutput: null,
};
const edited = {
  verdict: 'edited' as const,
  output: { text: 'Refund sent.' },
  correctedOutput: { text: 'Your refund of 20 dollars was sent on Monday.' },
};
const rejected = {
  verdict: 'rejected' as const,
  output: { text: 'We never give refunds.' },
  correctedOutput: null,
};

describe('token overlap', () => {
  it.each([
    ['same words in another order', 'b a c', 'a b c', 1],
    ['nothing in common', 'x y', 'a b', 0],
    ['both empty', '', '', 1],
    ['one empty', '', 'a', 0],
    ['half the words', 'a b', 'a c', 0.5],
    ['case and punctuation ignored', 'Hello, WORLD!', 'hello world', 1],
    ['other scripts', 'ขอบคุณ ครับ', 'ขอบคุณ ครับ', 1],
  ])('%s', (_n, a, b, expected) => expect(tokenF1(a, b)).toBeCloseTo(expected, 5));
});

describe('a candidate against the golden verdict', () => {
  it('passes an answer close to the approved one and fails a different one', () => {
    expect(
      judgeItem(approved, 'Your refund of 20 dollars was sent today', routed('approved'), 0.5)
        .passed,
    ).toBe(true);
    const worse = judgeItem(approved, 'Please contact our call centre.', routed('approved'), 0.5);
    expect(worse).toMatchObject({ passed: false, reason: expect.stringContaining('below 0.5') });
  });

  it('measures an edited item against the correction, not the original', () => {
    expect(
      judgeItem(edited, 'Your refund of 20 dollars was sent on Monday', routed('human_review'), 0.5)
        .passed,
    ).toBe(true);
    expect(judgeItem(edited, 'Refund sent.', routed('approved'), 0.5).passed).toBe(false);
  });

  it('fails whatever the policy rejects, even word for word the reference', () => {
    expect(judgeItem(approved, approved.output.text, routed('rejected'), 0.5)).toMatchObject({
      passed: false,
      reason: expect.stringContaining('pii found'),
    });
  });

  it('fails a rejected item answered the same way again, passes a different answer', () => {
    expect(judgeItem(rejected, 'We never give refunds.', routed('approved'), 0.5).passed).toBe(
      false,
    );
    expect(judgeItem(rejected, 'Your refund is on its way.', routed('approved'), 0.5).passed).toBe(
      true,
    );
  });
});
