import type { ScoringInput, SignalConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import { missingSignal, type SignalDefinition, type SignalOutput } from '../engine/engine.types';

// A yes/no verdict opening the reply (English, Malay/Indonesian, Tagalog, Thai).
const VERDICTS = new Set([
  'yes',
  'yeah',
  'yep',
  'yup',
  'yea',
  'no',
  'nope',
  'nah',
  'ya',
  'tidak',
  'bukan',
  'oo',
  'hindi',
  'ใช่',
  'ไม่',
]);

/**
 * How much the output is about the prompt: the share of the prompt's content words the output
 * takes up, and the share of the output's content words that come from the prompt or the
 * context (the rest is new material). A reply that ignores the question scores low.
 */
function compute(input: ScoringInput, analysis: Analysis, _options: SignalConfig): SignalOutput {
  const prompt = analysis.prompt.content;
  if (!prompt.size) return missingSignal('no prompt');
  // Asked a question, the reply opens with a verdict ("Yes, it can range from…"): the verdict
  // is a claim of its own, and the copied words after it support "yes" and "no" alike.
  const verdict = asked(input) && VERDICTS.has(analysis.tokens[0]?.norm ?? '') ? 1 : 0;
  const outStems = new Set<string>();
  for (const s of analysis.sentences) for (const c of s.content) outStems.add(c);
  if (!outStems.size) {
    return {
      score: 0.5,
      features: {
        'relevance.promptCoverage': 0,
        'relevance.fromPrompt': 0,
        'relevance.question': 0,
        'relevance.verdict': verdict,
      },
      evidence: { reason: 'no content words in the output' },
    };
  }
  let covered = 0;
  for (const p of prompt) if (outStems.has(p)) covered++;
  let fromPrompt = 0;
  for (const o of outStems) if (prompt.has(o)) fromPrompt++;
  const promptCoverage = covered / prompt.size;
  const share = fromPrompt / outStems.size;
  // A reply that only asks a question back answers nothing.
  const text = analysis.text.trim();
  const question = text.endsWith('?') ? 1 : 0;
  const score = Math.min(1, 0.5 + promptCoverage) * (question ? 0.7 : 1);
  return {
    score,
    features: {
      'relevance.promptCoverage': promptCoverage,
      'relevance.fromPrompt': share,
      'relevance.question': question,
      'relevance.verdict': verdict,
    },
    evidence: {
      promptCoverage: Math.round(promptCoverage * 1000) / 1000,
      sharedWords: covered,
      endsWithQuestion: question === 1,
      opensWithVerdict: verdict === 1,
    },
  };
}

function asked(input: ScoringInput): boolean {
  return (input.input.prompt ?? '').includes('?');
}

/** `relevance`: the output takes up the prompt's content and does not answer with a question. */
export const relevanceSignal: SignalDefinition = { compute };
