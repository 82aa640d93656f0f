import type { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { localOppositesOf } from '../lexicon/local-opposites.lexicon';
import { polarityOf } from '../lexicon/polarity.lexicon';
import { tokenize, type Token } from '../text/tokens.util';
import { wordLemmas } from './fact-opposites.util';
import type { FactRole } from './fact-roles.util';
import { heldFacts, type Claim, type HeldFacts } from './short-claims.util';

// "Free installation, even without a lock-in" says the claim before it holds when the thing is
// absent. A passage that states the absent case apart ("Kung walang lock-in, may installation
// fee na ₱2,500": "If there is no lock-in, there is a ₱2,500 fee") and says it without the
// claim's pole ("libre", free) gives it otherwise. The words are a language fact: Tagalog
// "kahit walang/wala", English "even without", Malay and Indonesian "walaupun/meskipun tanpa";
// for the passage's case, "kung walang/wala", "without", "if no", "tanpa", "kalau tiada".

const CONCESSIVE: readonly (readonly string[])[] = [
  ['kahit', 'walang'],
  ['kahit', 'wala'],
  ['even', 'without'],
  ['walaupun', 'tanpa'],
  ['meskipun', 'tanpa'],
  ['biarpun', 'tanpa'],
];
const ABSENT_CASE: readonly (readonly string[])[] = [
  ['kung', 'walang'],
  ['kung', 'wala'],
  ['kapag', 'walang'],
  ['without'],
  ['if', 'no'],
  ['tanpa'],
  ['kalau', 'tiada'],
  ['kalau', 'tanpa'],
  ['jika', 'tiada'],
  ['jika', 'tanpa'],
];

function opensWith(tokens: readonly Token[], at: number, marker: readonly string[]): boolean {
  return marker.every((m, k) => tokens[at + k]?.norm === m);
}

/** A word with an opposite: polarity.lexicon's poles or local-opposites.lexicon's pairs. */
function isPolar(norm: string): boolean {
  return (
    localOppositesOf(norm).length > 0 || wordLemmas(norm).some((l) => polarityOf(l) !== undefined)
  );
}

function holdsWord(held: HeldFacts, t: Token): boolean {
  return held.stems.has(t.stem) || wordLemmas(t.norm).some((l) => held.lemmas.has(l));
}

/**
 * What the passage says of the case where one of `absent`'s words is missing: the stretch after
 * the comma that closes a sentence's "kung walang X" / "without X" clause. Undefined for none.
 */
function absentCases(index: ContextIndex, absent: readonly Token[]): HeldFacts[] {
  const out: HeldFacts[] = [];
  for (const s of index.sentences) {
    const tokens = tokenize(s.text);
    tokens.forEach((t, i) => {
      const marker = ABSENT_CASE.find((m) => opensWith(tokens, i, m));
      if (!marker) return;
      const comma = s.text.indexOf(',', tokens[i].end);
      if (comma < 0) return;
      const clause = tokens.filter((c, k) => k >= i + marker.length && c.end <= comma);
      if (!clause.some((c) => absent.some((a) => a.stem === c.stem))) return;
      const rest = s.text.slice(comma + 1);
      if (rest.trim()) out.push(heldFacts(rest, tokenize(rest)));
    });
  }
  return out;
}

/**
 * The concessive claims of a short answer ("…, kahit walang lock-in") whose passage gives the
 * absent case otherwise: it is about the claim before (holds one of its words) and lacks that
 * claim's polar word ("libre"). A passage's absent case that keeps the pole ("Kung walang
 * lock-in, libre pa rin ang installation") agrees.
 */
export function concessiveContradictions(
  analysis: Analysis,
  claims: readonly Claim[],
  index: ContextIndex,
): FactRole[] {
  const out: FactRole[] = [];
  const tokens = analysis.tokens;
  claims.forEach((claim, ci) => {
    if (ci === 0) return;
    const at = tokens.findIndex((t) => t.start >= claim.start);
    if (at < 0 || !CONCESSIVE.some((m) => opensWith(tokens, at, m))) return;
    const main = claims[ci - 1];
    // Its own tokens, not its words: "libre" (no charge) is read as a "not", not a word.
    const poles = tokens.filter(
      (t) => t.start >= main.start && t.end <= main.end && isPolar(t.norm),
    );
    const absent = claim.words.filter((w) => !CONCESSIVE.some((m) => m.includes(w.norm)));
    if (!poles.length || !absent.length) return;
    const topic = main.words.filter((w) => !poles.includes(w));
    const otherwise = absentCases(index, absent).some(
      (held) => topic.some((w) => holdsWord(held, w)) && !poles.some((w) => holdsWord(held, w)),
    );
    if (otherwise)
      out.push({
        kind: 'opposite',
        text: analysis.text.slice(claim.start, claim.end),
        start: claim.start,
        end: claim.end,
      });
  });
  return out;
}
