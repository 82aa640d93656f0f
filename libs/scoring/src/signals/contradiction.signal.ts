import type { ScoringInput, SignalConfig } from '../scoring.types';
import { alignSentences, windowLemmas } from '../engine/alignment';
import type { Analysis } from '../engine/analysis';
import {
  missingSignal,
  type ConfigProblem,
  type SignalDefinition,
  type SignalOutput,
} from '../engine/engine.types';
import { checkNumber, unknownKeys } from '../engine/options.util';
import { antonymsOf, lemma } from '../lexicon/lexicon';
import { oppositePole, polarityOf } from '../lexicon/polarity.lexicon';
import { extractQuantities, quantityMatches } from '../text/numbers.util';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';
import { contextQuantities } from './numbers.signal';

// Negators of the languages the gateway is used in (English, Malay/Indonesian, Tagalog, Thai).
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'cannot',
  'hardly',
  'tidak',
  'tak',
  'bukan',
  'belum',
  'hindi',
  'wala',
  'ไม่',
]);

function negations(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (NEGATORS.has(t.norm) || t.norm.endsWith("n't")) n++;
  return n;
}

interface Cue {
  kind: 'antonym' | 'negation' | 'number' | 'polarity';
  start: number;
  end: number;
  detail: string;
}

function compute(_input: ScoringInput, analysis: Analysis, options: SignalConfig): SignalOutput {
  const index = analysis.context;
  if (!index) return missingSignal('no context');
  const minOverlap = (options.minOverlap as number | undefined) ?? 0.5;
  const ctxQuantities = contextQuantities(index);
  const cues: Cue[] = [];
  let aligned = 0;
  for (const a of alignSentences(analysis, index)) {
    const best = a.best;
    if (!best || !a.sentence.content.length) continue;
    const overlap =
      a.sentence.content.filter((s) => best.tf.has(s)).length / a.sentence.content.length;
    if (overlap < minOverlap) continue; // only a close paraphrase can contradict its source
    aligned++;
    if (negations(a.sentence.tokens) > 0 !== negations(best.tokens) > 0) {
      cues.push({
        kind: 'negation',
        start: a.sentence.start,
        end: a.sentence.end,
        detail: best.text.slice(0, 200),
      });
    }
    const lemmas = windowLemmas(a, lemma);
    const windowPoles = polesOf(lemmas);
    for (const t of a.sentence.tokens) {
      if (!isContent(t.norm) || a.windowStems.has(t.stem)) continue;
      const l = lemma(t.norm);
      if (lemmas.has(l)) continue;
      const flipped = antonymsOf(l).find((ant) => lemmas.has(ant));
      if (flipped) {
        cues.push({
          kind: 'antonym',
          start: t.start,
          end: t.end,
          detail: `${t.norm} ↔ ${flipped}`,
        });
        continue;
      }
      // A pole-word ("declined") where the source has only the opposite pole ("grew").
      const pole = polarityOf(l);
      if (pole !== undefined && windowPoles.has(oppositePole(pole)) && !windowPoles.has(pole)) {
        cues.push({
          kind: 'polarity',
          start: t.start,
          end: t.end,
          detail: `${t.norm} against the source's opposite`,
        });
      }
    }
    const sentenceText = analysis.text.slice(a.sentence.start, a.sentence.end);
    const bestQuantities = extractQuantities(best.text);
    if (bestQuantities.length) {
      for (const q of extractQuantities(sentenceText)) {
        if (!ctxQuantities.some((c) => quantityMatches(q, c))) {
          cues.push({
            kind: 'number',
            start: a.sentence.start + q.start,
            end: a.sentence.start + q.end,
            detail: `${q.text} vs ${bestQuantities.map((b) => b.text).join(', ')}`,
          });
        }
      }
    }
  }
  const count = (k: Cue['kind']): number => cues.filter((c) => c.kind === k).length;
  const score = Math.max(0, 1 - 0.4 * cues.length);
  return {
    score,
    features: {
      'contradiction.antonyms': Math.log1p(count('antonym')),
      'contradiction.negations': Math.log1p(count('negation')),
      'contradiction.numbers': Math.log1p(count('number')),
      'contradiction.polarity': Math.log1p(count('polarity')),
    },
    evidence: { alignedSentences: aligned, cues: cues.slice(0, 20) },
  };
}

function polesOf(lemmas: Set<string>): Set<number> {
  const out = new Set<number>();
  for (const l of lemmas) {
    const p = polarityOf(l);
    if (p !== undefined) out.add(p);
  }
  return out;
}

function validate(options: SignalConfig, path: string): ConfigProblem[] {
  return [
    ...unknownKeys(options, ['weight', 'minOverlap'], path),
    ...checkNumber(options.minOverlap, `${path}.minOverlap`, { min: 0, max: 1 }),
  ];
}

/** `contradiction`: a sentence that closely matches a context sentence but flips a negation, an antonym (WordNet) or a number. */
export const contradictionSignal: SignalDefinition = { compute, validate };
