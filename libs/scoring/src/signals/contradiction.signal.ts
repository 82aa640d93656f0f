import type { ScoringInput, SignalConfig } from '../scoring.types';
import { alignSentences, windowLemmas, type Alignment } from '../engine/alignment';
import type { Analysis } from '../engine/analysis';
import {
  missingSignal,
  type ConfigProblem,
  type SignalDefinition,
  type SignalOutput,
} from '../engine/engine.types';
import { checkNumber, unknownKeys } from '../engine/options.util';
import { isShortAnswer, shortness } from '../engine/shortness';
import { antonymsOf, lemma } from '../lexicon/lexicon';
import { oppositePole, polarityOf } from '../lexicon/polarity.lexicon';
import { quantityMatches } from '../text/numbers.util';
import { negates, negatesAsPrefix, saysNoCost } from '../text/negators.util';
import { daySets } from '../text/day-sets.util';
import { contextDays } from './day-coverage.util';
import { extractWeekdays } from '../text/weekdays.util';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';
import type { ContextSentence } from '../engine/context-index';
import { outputSentenceQuantities, sentenceQuantities } from '../engine/figure-support';
import { outputCopy } from './copy-frames.util';
import { contextQuantities } from './numbers.signal';
import { localContradictions } from './local-contradictions.util';
import { unboundFacts } from './fact-binding.util';
import { claimNegationFlips } from './claim-polarity.util';
import { negatedAbout } from './clause-negation.util';
import { lazyWordsOf } from './short-claims.util';
import { prefixOpposite, wordEdits } from './word-edits.util';

const LOOSE_OVERLAP = 0.3;

function negations(tokens: Token[], agreeing: ReadonlySet<Token> = NONE): number {
  let n = 0;
  for (const t of tokens) if (negates(t.norm) && !agreeing.has(t)) n++;
  return n;
}

const NONE: ReadonlySet<Token> = new Set();

/** How far after its negator a negated word may stand: "not optional", "not be closed", "never really free". */
const NEGATED_WORD_REACH = 2;

/**
 * "Not X" where the aligned source says X's opposite ("not optional" for "required", "isn't
 * closed" for "open"): a negated opposite agrees with the source. Returns the negators and the
 * negated words of such pairs, so neither the negation check nor the antonym check counts them.
 */
function negatedOpposites(a: Alignment): ReadonlySet<Token> {
  const tokens = a.sentence.tokens;
  if (!tokens.some((t) => negates(t.norm))) return NONE;
  const lemmas = windowLemmas(a, lemma);
  const poles = polesOf(lemmas);
  const agreeing = new Set<Token>();
  tokens.forEach((t, i) => {
    if (!negates(t.norm)) return;
    for (const word of tokens.slice(i + 1, i + 1 + NEGATED_WORD_REACH)) {
      if (!isContent(word.norm)) continue;
      if (opposesWindow(word, lemmas, poles)) agreeing.add(t).add(word);
      break;
    }
  });
  return agreeing;
}

/**
 * How the word opposes the aligned window, if it does: its WordNet antonym or "un-"/"in-"
 * opposite stands there instead of it (antonym), or it is a pole-word ("declined") where the
 * window has only the opposite pole ("grew").
 */
function opposesWindow(
  t: Token,
  lemmas: Set<string>,
  poles: Set<number>,
): Pick<Cue, 'kind' | 'detail'> | undefined {
  const l = lemma(t.norm);
  if (lemmas.has(l)) return undefined;
  const flipped =
    antonymsOf(l).find((ant) => lemmas.has(ant)) ?? prefixOpposite(l, (w) => lemmas.has(w));
  if (flipped) return { kind: 'antonym', detail: `${t.norm} ↔ ${flipped}` };
  const pole = polarityOf(l);
  return pole !== undefined && poles.has(oppositePole(pole)) && !poles.has(pole)
    ? { kind: 'polarity', detail: `${t.norm} against the source's opposite` }
    : undefined;
}

interface Cue {
  kind:
    'antonym' | 'negation' | 'number' | 'polarity' | 'edit' | 'localOpposite' | 'unsourcedNegation';
  start: number;
  end: number;
  detail: string;
}

function compute(_input: ScoringInput, analysis: Analysis, options: SignalConfig): SignalOutput {
  const index = analysis.context;
  if (!index) return missingSignal('no context');
  const minOverlap = (options.minOverlap as number | undefined) ?? 0.5;
  // Opposites are also looked for in looser paraphrases: a summary that fuses two source
  // sentences shares less than half its words with either, yet "lower" against the source's
  // "higher" is still a flip.
  const looseOverlap = Math.min(minOverlap, LOOSE_OVERLAP);
  let looseOpposites = 0;
  const cues: Cue[] = [];
  let aligned = 0;
  const short = isShortAnswer(analysis);
  for (const a of alignSentences(analysis, index)) {
    const best = a.best;
    if (!best || !a.sentence.content.length) continue;
    const overlap =
      a.sentence.content.filter((s) => best.tf.has(s)).length / a.sentence.content.length;
    if (overlap < minOverlap) {
      const inWindow =
        a.sentence.content.filter((s) => a.windowStems.has(s)).length / a.sentence.content.length;
      const agreeing = inWindow >= looseOverlap ? negatedOpposites(a) : NONE;
      if (inWindow >= looseOverlap) looseOpposites += opposites(a, agreeing).length;
      if (short && inWindow >= looseOverlap && negationFlip(a, agreeing))
        cues.push({
          kind: 'negation',
          start: a.sentence.start,
          end: a.sentence.end,
          detail: best.text.slice(0, 200),
        });
      continue; // only a close paraphrase can contradict its source
    }
    aligned++;
    const agreeing = negatedOpposites(a);
    if (
      short
        ? negationFlip(a, agreeing)
        : negations(a.sentence.tokens, agreeing) > 0 !== negations(best.tokens) > 0
    ) {
      cues.push({
        kind: 'negation',
        start: a.sentence.start,
        end: a.sentence.end,
        detail: best.text.slice(0, 200),
      });
    }
    cues.push(...opposites(a, agreeing));
    const bestQuantities = sentenceQuantities(best);
    if (bestQuantities.length) {
      for (const q of outputSentenceQuantities(analysis.text, a.sentence)) {
        // The context's quantities are extracted on first need, once per call.
        if (!contextQuantities(index).some((c) => quantityMatches(q, c))) {
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
  // One-word edits of copied stretches; a slot already reported as a flip is not counted
  // twice, nor a negator edit inside a sentence already reported for its negation.
  const flagged = new Set(cues.map((c) => c.start));
  const negated = cues.filter((c) => c.kind === 'negation');
  let substitutions = 0;
  let edits = 0;
  const { frames, ids } = outputCopy(analysis, index);
  for (const e of wordEdits(frames, analysis.tokens, ids)) {
    if (flagged.has(e.token.start)) continue;
    const aboutNegation = e.kind === 'negationDropped' || negates(e.token.norm);
    if (aboutNegation && negated.some((c) => c.start <= e.token.start && e.token.start < c.end))
      continue;
    if (e.opposite) {
      edits++;
      cues.push({
        kind: 'edit',
        start: e.token.start,
        end: e.token.end,
        detail:
          e.kind === 'negationDropped' ? `"${e.was}" dropped` : `${e.was ?? '—'} → ${e.token.norm}`,
      });
    } else if (e.kind === 'substitution') substitutions++;
  }
  // Flips against the local sources of each stretch. The features count them all (a second,
  // independent view of the same flip is more evidence); the cue list does not repeat a word
  // or a negated sentence already reported above.
  const local = localContradictions(analysis, index);
  const reported = new Set(cues.map((c) => c.start));
  for (const c of local) {
    const { start, end } = c.token;
    if (reported.has(start)) continue;
    if (c.kind === 'unsourcedNegation' && negated.some((n) => n.start <= start && start < n.end))
      continue;
    cues.push({
      kind: c.kind === 'opposite' ? 'localOpposite' : 'unsourcedNegation',
      start,
      end,
      detail: c.detail,
    });
  }
  const count = (k: Cue['kind']): number => cues.filter((c) => c.kind === k).length;
  const score = Math.max(0, 1 - 0.4 * cues.length);
  // Read by the short-answer model only (not a cue: the score and the pooled model stay as fitted).
  const unbound = unboundFacts(analysis, index);
  const claimFlips = claimNegationFlips(analysis, index);
  return {
    score,
    features: {
      'contradiction.antonyms': Math.log1p(count('antonym')),
      'contradiction.negations': Math.log1p(count('negation')),
      'contradiction.numbers': Math.log1p(count('number')),
      'contradiction.polarity': Math.log1p(count('polarity')),
      'contradiction.edits': Math.log1p(edits),
      'contradiction.looseOpposites': Math.log1p(looseOpposites),
      'contradiction.localOpposites': Math.log1p(local.filter((c) => c.kind === 'opposite').length),
      'contradiction.unsourcedNegations': Math.log1p(
        local.filter((c) => c.kind === 'unsourcedNegation').length,
      ),
      'contradiction.shortDaysLog': short
        ? shortness(analysis) * Math.log1p(unsourcedDays(analysis))
        : 0,
      'contradiction.unboundFactsLog': Math.log1p(unbound.length),
      'contradiction.claimFlipsLog': Math.log1p(claimFlips.length),
    },
    evidence: {
      alignedSentences: aligned,
      cues: cues.slice(0, 20),
      substitutions,
      unboundFacts: unbound.slice(0, 20),
      claimNegationFlips: claimFlips.slice(0, 20),
    },
  };
}

/**
 * Days of a short answer the context does not give ("Monday to Friday" where it says "Monday to
 * Saturday" gives Friday, so only a day outside every range counts; "Saturdays" where it says
 * "weekends" is given): opening hours and schedules are everyday support answers. A day name
 * counts each time it is written; a range's inner days and a collective word's days count once.
 * Summaries are left alone: their day names hurt more than they helped on SummEdits.
 */
function unsourcedDays(analysis: Analysis): number {
  const index = analysis.context;
  const names = extractWeekdays(analysis.text);
  const sets = names.length ? daySets(analysis.text) : [];
  if (!index || !sets.length) return 0;
  const known = contextDays(index);
  const named = new Set(names.map((d) => d.value));
  const implied = new Set(sets.flatMap((s) => s.days).filter((d) => !named.has(d)));
  return (
    names.filter((d) => !known.has(d.value)).length +
    [...implied].filter((d) => !known.has(d)).length
  );
}

/**
 * The tokens of the clause of a context sentence (cut at semicolons) that holds most of a short
 * sentence's content stems: the sentence's negator elsewhere is about something else.
 * "Antibiotik hanya dijual dengan preskripsi sah daripada doktor berdaftar" was flipped by
 * "…berdaftar; preskripsi yang berusia lebih 30 hari tidak diterima" (support-answers-dev3).
 */
function clauseHolding(best: ContextSentence, content: readonly string[]): Token[] {
  const clauses: Token[][] = [[]];
  best.tokens.forEach((t, i) => {
    const prev = best.tokens[i - 1];
    if (prev && best.text.slice(prev.end, t.start).includes(';')) clauses.push([]);
    clauses[clauses.length - 1].push(t);
  });
  if (clauses.length < 2) return best.tokens;
  const held = (c: Token[]): number => content.filter((s) => c.some((t) => t.stem === s)).length;
  const most = Math.max(...clauses.map(held));
  const top = clauses.filter((c) => held(c) === most);
  return top.length === 1 ? top[0] : best.tokens;
}

/** A negator, or a negating prefix ("non-refundable" says "not refundable"), in a short answer. */
function negatesShort(norm: string): boolean {
  return negates(norm) || negatesAsPrefix(norm);
}

/**
 * A short sentence says "not" where its source does not, or the reverse. A negated sentence is
 * sourced by any sentence around its best match that is negated too and shares a word with it
 * (the negation may sit in a neighbour: "no deliveries on Sundays"). A plain sentence is flipped
 * by its source's "without" only when it has the words negated ("without an appointment"): an
 * answer that leaves them out negates nothing. "No fee" against "free" is no flip: the side
 * without a negator says "free".
 */
function negationFlip(a: Alignment, agreeing: ReadonlySet<Token> = NONE): boolean {
  const best = a.best;
  if (!best) return false;
  // A prefix negates its word only: "non-suspicious" against a source without "suspicious" says
  // no "not" of the source's.
  const own =
    negations(a.sentence.tokens, agreeing) > 0 ||
    negatedAbout(a.sentence.tokens, lazyWordsOf(best.tokens), negatesAsPrefix);
  const ownWords = lazyWordsOf(a.sentence.tokens);
  if (own) {
    const sources = a.window.filter(
      (s) =>
        s.passage === best.passage &&
        (negations(s.tokens) > 0 || negatedAbout(s.tokens, ownWords, negatesAsPrefix)) &&
        a.sentence.content.some((c) => s.tf.has(c)),
    );
    if (sources.length) return false;
  } else if (!negatedAbout(clauseHolding(best, a.sentence.content), ownWords, negatesShort))
    return false;
  const plain = own ? best.tokens : a.sentence.tokens;
  return !plain.some((t) => saysNoCost(t.norm));
}

/** Words of the sentence whose WordNet antonym or opposite pole stands in the aligned window instead. */
function opposites(a: Alignment, agreeing: ReadonlySet<Token> = NONE): Cue[] {
  const cues: Cue[] = [];
  const lemmas = windowLemmas(a, lemma);
  const windowPoles = polesOf(lemmas);
  for (const t of a.sentence.tokens) {
    if (!isContent(t.norm) || a.windowStems.has(t.stem) || agreeing.has(t)) continue;
    const opposed = opposesWindow(t, lemmas, windowPoles);
    if (opposed)
      cues.push({ kind: opposed.kind, start: t.start, end: t.end, detail: opposed.detail });
  }
  return cues;
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
