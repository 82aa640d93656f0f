import type { ScoringInput, SignalConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import { memoKey } from '../engine/call-memo';
import { outputQuantities } from '../engine/figure-support';
import type { ContextIndex } from '../engine/context-index';
import { missingSignal, type SignalDefinition, type SignalOutput } from '../engine/engine.types';
import { extractQuantities, quantityMatches, type Quantity } from '../text/numbers.util';

const CONTEXT_QUANTITIES = memoKey<Quantity[]>('contextQuantities');

/** Quantities of every context passage, extracted once per call. */
export function contextQuantities(index: ContextIndex): Quantity[] {
  return index.memo.get(CONTEXT_QUANTITIES, () =>
    index.passages.flatMap((p) => extractQuantities(p.text)),
  );
}

function compute(_input: ScoringInput, analysis: Analysis, _options: SignalConfig): SignalOutput {
  const index = analysis.context;
  if (!index) return missingSignal('no context');
  const found = outputQuantities(analysis);
  if (!found.length) return missingSignal('no numbers, dates or quantities in the output');
  const ctx = contextQuantities(index);
  const ungrounded = found.filter((q) => !ctx.some((c) => quantityMatches(q, c)));
  const share = 1 - ungrounded.length / found.length;
  return {
    score: share,
    features: {
      'numbers.grounded': share,
      'numbers.ungroundedLog': Math.log1p(ungrounded.length),
    },
    evidence: {
      checked: found.length,
      ungrounded: ungrounded
        .slice(0, 20)
        .map((q) => ({ text: q.text, value: q.value, date: q.date, start: q.start, end: q.end })),
    },
  };
}

/** `numbers`: numbers, amounts and dates of the output found in the context after normalisation ("1.5k" = "1,500" = "fifteen hundred"). */
export const numbersSignal: SignalDefinition = { compute };
