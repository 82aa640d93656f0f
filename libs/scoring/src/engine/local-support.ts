import type { Analysis } from './analysis';
import type { ContextIndex } from './context-index';
import { isContent } from '../text/stopwords.util';
import type { Token } from '../text/tokens.util';

/** An output word found in the context, but never together with the words around it. */
export interface DisplacedWord {
  token: Token;
  /** Most neighbours found together in one context sentence. */
  together: number;
  /** Most neighbours found in a context sentence that also has this word. */
  withWord: number;
}

/** Result of the local co-occurrence pass. */
export interface LocalSupport {
  displaced: DisplacedWord[];
  /** Surprise mass of unsupported words (see localSupport). */
  anomaly: number;
}

const RADIUS = 4;

/**
 * Local co-occurrence check, one pass over the output. For each content word, take its
 * neighbours (±4 content words in the same sentence) and compare how many of them co-occur in
 * one context sentence (`together`) with how many co-occur with the word itself (`withWord`).
 * - displaced: the word is in the document, but not where its neighbours are ("Q1" → "Q2"):
 *   a one-word edit in a long, otherwise copied sentence, which sentence overlap cannot see.
 * - anomaly: each unsupported, non-paraphrase word weighs ((together − withWord)/|neighbours|)²:
 *   one odd word inside a copied stretch is an edit; odd words inside free paraphrase are style.
 */
export function localSupport(
  analysis: Analysis,
  index: ContextIndex,
  isParaphrase: (t: Token) => boolean,
): LocalSupport {
  const displaced: DisplacedWord[] = [];
  let anomaly = 0;
  const neighbours = new Set<string>();
  for (const sentence of analysis.sentences) {
    const content = sentence.tokens.filter((t) => isContent(t.norm));
    for (let i = 0; i < content.length; i++) {
      const t = content[i];
      neighbours.clear();
      for (let j = Math.max(0, i - RADIUS); j <= Math.min(content.length - 1, i + RADIUS); j++)
        if (j !== i && content[j].stem !== t.stem) neighbours.add(content[j].stem);
      if (neighbours.size < 2) continue;
      const own = index.sentencesWith(t.stem);
      const withWord = own.length ? maxShared(index, own, neighbours) : 0;
      if (own.length && withWord >= 2) continue;
      const together = bestTogether(index, neighbours);
      if (own.length && together - withWord >= 2) displaced.push({ token: t, together, withWord });
      if (withWord < together - 1 && !isParaphrase(t))
        anomaly += ((together - withWord) / neighbours.size) ** 2;
    }
  }
  return { displaced, anomaly };
}

function maxShared(
  index: ContextIndex,
  sentenceIds: readonly number[],
  stems: Set<string>,
): number {
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
