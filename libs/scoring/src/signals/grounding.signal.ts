import type { ScoringInput, SignalConfig } from '../scoring.types';
import {
  alignSentences,
  windowLemmas,
  windowMalayRoots,
  type Alignment,
} from '../engine/alignment';
import { glossOf } from '../lexicon/gloss.lexicon';
import { lemma, paraphrasedIn } from '../lexicon/lexicon';
import { malayRoot } from '../lexicon/malay-affixes';
import type { Token } from '../text/tokens.util';
import { isContent } from '../text/stopwords.util';
import type { Analysis } from '../engine/analysis';
import { heldAsFigure } from '../engine/figure-support';
import { localSupport } from '../engine/local-support';
import { shortness } from '../engine/shortness';
import { copyStats, hasBigram, outputCopy, type OutputCopy } from './copy-frames.util';
import { unattributable } from './voice.util';
import { contextDays, coversAll, daysOfWord } from './day-coverage.util';
import { coveredDays } from '../text/day-sets.util';
import { missingSignal, type SignalDefinition, type SignalOutput } from '../engine/engine.types';

interface SentenceSupport {
  start: number;
  end: number;
  /** idf-weighted share of content words found near the best-matching context sentence. */
  support: number;
  /** Content words absent from the whole context. */
  unsupported: string[];
  /** Content words found elsewhere in the context but not near the best match: swap suspects. */
  displaced: string[];
  bestContext?: { passage: string; text: string };
}

function compute(_input: ScoringInput, analysis: Analysis, _options: SignalConfig): SignalOutput {
  const index = analysis.context;
  if (!index) return missingSignal('no context');
  if (!analysis.text.trim()) return missingSignal('no output text');
  const alignments = alignSentences(analysis, index);
  const perSentence: SentenceSupport[] = [];
  let mass = 0;
  let supportedMass = 0;
  let docMass = 0;
  let unsupportedCount = 0;
  let displacedCount = 0;
  let contentCount = 0;
  let minSupport = 1;
  let minWordShare = 1;
  let synMass = 0;
  for (const a of alignments) {
    if (!a.sentence.content.length) continue;
    let m = 0;
    let sup = 0;
    const unsupported: string[] = [];
    const displaced: string[] = [];
    const seen = new Set<string>();
    let days: Set<number> | undefined;
    const windowDays = (): Set<number> =>
      (days ??= new Set(a.window.flatMap((s) => [...coveredDays(s.text)])));
    for (const t of a.sentence.tokens) {
      if (!isContent(t.norm) || seen.has(t.stem)) continue;
      seen.add(t.stem);
      // Words absent from the context get the highest idf: an invented name weighs most.
      const w = index.idf(t.stem);
      m += w;
      if (a.windowStems.has(t.stem)) sup += w;
      else if (
        isParaphrase(a, t.norm) ||
        dayCovered(analysis, t, windowDays) ||
        heldAsFigure(a, analysis.text, t)
      ) {
        sup += w;
        synMass += w;
      } else if (index.has(t.stem) || dayCovered(analysis, t, () => contextDays(index))) {
        displaced.push(t.norm);
        docMass += w;
      } else unsupported.push(t.norm);
    }
    docMass += sup;
    mass += m;
    supportedMass += sup;
    contentCount += a.sentence.content.length;
    unsupportedCount += unsupported.length;
    displacedCount += displaced.length;
    const support = m > 0 ? sup / m : 1;
    minSupport = Math.min(minSupport, support);
    // The worst sentence by plain word presence: one invented sentence in a copied reply.
    let present = 0;
    for (const t of a.sentence.tokens) if (index.norms.has(t.norm)) present++;
    minWordShare = Math.min(minWordShare, present / a.sentence.tokens.length);
    perSentence.push({
      start: a.sentence.start,
      end: a.sentence.end,
      support: round(support),
      unsupported,
      displaced,
      bestContext: a.best
        ? { passage: index.passages[a.best.passage].id, text: a.best.text.slice(0, 300) }
        : undefined,
    });
  }
  const copied = outputCopy(analysis, index);
  const { bigramShare, wordShare } = copyShares(analysis, copied);
  const owner = new Map<Token, Alignment>();
  for (const a of alignments) for (const t of a.sentence.tokens) owner.set(t, a);
  const { displaced: displacedLocal, anomaly } = localSupport(analysis, index, (t) => {
    const a = owner.get(t);
    return a ? isParaphrase(a, t.norm) || heldAsFigure(a, analysis.text, t) : false;
  });
  const copy = copyStats(copied.fragments, analysis.tokens.length);
  const voice = unattributable(analysis);
  const support = mass > 0 ? supportedMass / mass : 1;
  const docSupport = mass > 0 ? docMass / mass : 1;
  const score = 0.5 * support + 0.3 * minSupport + 0.2 * docSupport;
  const short = shortness(analysis);
  return {
    score: round(score),
    features: {
      'grounding.support': support,
      'grounding.minSupport': minSupport,
      'grounding.docSupport': docSupport,
      'grounding.unsupportedLog': Math.log1p(unsupportedCount),
      'grounding.displacedShare': contentCount ? displacedCount / contentCount : 0,
      'grounding.contentLog': Math.log1p(contentCount),
      'grounding.paraphraseShare': mass > 0 ? synMass / mass : 0,
      'grounding.bigramShare': bigramShare,
      'grounding.wordShare': wordShare,
      'grounding.localDisplacedLog': Math.log1p(displacedLocal.length),
      'grounding.anomalyLog': Math.log1p(anomaly),
      'grounding.minWordShare': minWordShare,
      'grounding.copyCoverage': copy.coverage,
      'grounding.copyDensityLog': Math.log1p(copy.density),
      'grounding.personalShare': voice.personalShare,
      'grounding.questionShare': voice.questionShare,
      'grounding.shortness': short,
      'grounding.shortSupport': short * support,
      'grounding.shortUnsupportedLog': short * Math.log1p(unsupportedCount),
    },
    evidence: {
      support: round(support),
      docSupport: round(docSupport),
      copiedRuns: { coverage: round(copy.coverage), longest: copy.longest },
      unattributable: voice.sentences.slice(0, 20),
      sentences: perSentence.slice(0, 50),
      displacedWords: displacedLocal.slice(0, 20).map((d) => ({
        text: analysis.text.slice(d.token.start, d.token.end),
        start: d.token.start,
        end: d.token.end,
      })),
    },
  };
}

/** Shares of the output's words and word bigrams (function words included) found verbatim in the context: copying is support. */
function copyShares(
  analysis: Analysis,
  copied: OutputCopy,
): { bigramShare: number; wordShare: number } {
  const { ids, frames } = copied;
  if (!ids.length) return { bigramShare: 1, wordShare: 1 };
  let words = 0;
  for (const id of ids) if (id >= 0) words++;
  if (ids.length < 2) return { bigramShare: words, wordShare: words };
  let hits = 0;
  for (let i = 1; i < ids.length; i++) if (hasBigram(frames, ids[i - 1], ids[i])) hits++;
  return { bigramShare: hits / (ids.length - 1), wordShare: words / ids.length };
}

/**
 * A word absent from the window but a WordNet synonym ("announced" for "reported"), a
 * Malay/Tagalog gloss ("hari" for "days") of a window word, or another Malay form of a window
 * word's root ("keluarkan" for "pengeluaran").
 */
function isParaphrase(a: Alignment, norm: string): boolean {
  if (paraphrasedIn(norm, windowLemmas(a, lemma), a.windowStems)) return true;
  const root = malayRoot(norm) ?? norm;
  // The window's roots are all words of the gloss lexicon: a word without a gloss (most English
  // ones) is none of them, and the window's roots are not worth reading for it.
  return glossOf(root).length > 0 && windowMalayRoots(a).has(root);
}

/**
 * A day word the window covers as a set: "Saturdays" or "weekends" where it says "weekends" or
 * "Saturday and Sunday", "hari bekerja" where it says "Isnin hingga Jumaat" (a paraphrase).
 */
function dayCovered(analysis: Analysis, t: Token, covered: () => Set<number>): boolean {
  const days = daysOfWord(analysis, t.start, t.end);
  return days !== undefined && coversAll(covered(), days);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** `grounding`: sentence-level support of the output's content words by the best-matching context sentence (BM25). */
export const groundingSignal: SignalDefinition = { compute };
