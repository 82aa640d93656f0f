import type { Analysis } from './analysis';
import type { ContextIndex } from './context-index';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';

/** An output word found in the context, but never together with the words around it. */
export interface DisplacedWord {
  token: Token;
  /** Neighbours that do occur together in some context sentence. */
  together: number;
  /** Neighbours found in a context sentence that also has this word. */
  withWord: number;
}

const RADIUS = 4;
const cache = new WeakMap<Analysis, DisplacedWord[]>();

/**
 * Surprise of the output's unsupported words: each word absent from the context (or
 * present only away from its neighbours) weighs by how well its neighbours are copied from a
 * single context sentence. One odd word inside a copied stretch is an edit; odd words inside
 * free paraphrase are style.
 */
export function anomalyMass(analysis: Analysis, index: ContextIndex, isParaphrase: (t: Token) => boolean): number {
  let mass = 0;
  for (const sentence of analysis.sentences) {
    const content = sentence.tokens.filter((t) => isContent(t.norm));
    for (let i = 0; i < content.length; i++) {
      const t = content[i];
      const neighbours = new Set<string>();
      for (let j = Math.max(0, i - RADIUS); j <= Math.min(content.length - 1, i + RADIUS); j++) if (j !== i && content[j].stem !== t.stem) neighbours.add(content[j].stem);
      if (neighbours.size < 2) continue;
      const own = index.sentencesWith(t.stem);
      const together = bestTogether(index, neighbours);
      const withWord = own.length ? maxShared(index, own, neighbours) : 0;
      if (withWord >= together - 1) continue;
      if (isParaphrase(t)) continue;
      mass += ((together - withWord) / neighbours.size) ** 2;
    }
  }
  return mass;
}

/**
 * Local co-occurrence check. For each content word of the output, take its neighbours
 * (±4 content words in the same sentence); if the neighbours co-occur in some context
 * sentence but the context sentences holding this word share at most one of them, the word
 * was probably swapped in from elsewhere in the document ("Q1" → "Q2", "Paris" → "Lyon").
 * Catches what sentence-level overlap cannot: a one-word edit in a long, otherwise copied sentence.
 */
export function displacedWords(analysis: Analysis, index: ContextIndex): DisplacedWord[] {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const out: DisplacedWord[] = [];
  for (const sentence of analysis.sentences) {
    const content = sentence.tokens.filter((t) => isContent(t.norm));
    for (let i = 0; i < content.length; i++) {
      const t = content[i];
      const own = index.sentencesWith(t.stem);
      if (!own.length) continue; // absent words are grounding's business
      const neighbours = new Set<string>();
      for (let j = Math.max(0, i - RADIUS); j <= Math.min(content.length - 1, i + RADIUS); j++) if (j !== i && content[j].stem !== t.stem) neighbours.add(content[j].stem);
      if (neighbours.size < 2) continue;
      const withWord = maxShared(index, own, neighbours);
      if (withWord >= 2) continue;
      const together = bestTogether(index, neighbours);
      if (together - withWord >= 2) out.push({ token: t, together, withWord });
    }
  }
  cache.set(analysis, out);
  return out;
}

function maxShared(index: ContextIndex, sentenceIds: readonly number[], stems: Set<string>): number {
  let best = 0;
  for (const id of sentenceIds) {
    const tf = index.sentences[id].tf;
    let n = 0;
    for (const s of stems) if (tf.has(s)) n++;
    if (n > best) best = n;
  }
  return best;
}

function bestTogether(index: ContextIndex, stems: Set<string>): number {
  const counts = new Map<number, number>();
  let best = 0;
  for (const s of stems)
    for (const id of index.sentencesWith(s)) {
      const c = (counts.get(id) ?? 0) + 1;
      counts.set(id, c);
      if (c > best) best = c;
    }
  return best;
}
