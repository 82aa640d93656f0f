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
  // Distinct neighbour stems of the current word, and their local stem ids (-1: not in context).
  const neighbours: string[] = [];
  const neighbourIds: number[] = [];
  // Per context sentence: how many of the neighbours it holds (reset through `touched`).
  const counts = new Int32Array(index.sentences.length);
  const postings = index.postingSentences;
  // The sentences counted for the current word (a stack over a typed array: emptying a plain
  // array through `length = 0` drops its storage, and it regrew for every word).
  const touched = new Int32Array(index.sentences.length);
  let touchedCount = 0;
  for (const sentence of analysis.sentences) {
    const content = sentence.tokens.filter((t) => isContent(t.norm));
    // Each word is a neighbour of up to 2·RADIUS others: look its stem up once.
    const contentIds = content.map((t) => index.stemId(t.stem));
    for (let i = 0; i < content.length; i++) {
      const t = content[i];
      neighbours.length = 0;
      neighbourIds.length = 0;
      for (let j = Math.max(0, i - RADIUS); j <= Math.min(content.length - 1, i + RADIUS); j++) {
        const s = content[j].stem;
        if (j !== i && s !== t.stem && !neighbours.includes(s)) {
          neighbours.push(s);
          neighbourIds.push(contentIds[j]);
        }
      }
      if (neighbours.length < 2) continue;
      // counts[c] = neighbours found together in context sentence c.
      let together = 0;
      for (const id of neighbourIds) {
        if (id < 0) continue;
        for (let j = index.postingsFrom(id); j < index.postingsTo(id); j++) {
          const c = postings[j];
          if (counts[c] === 0) touched[touchedCount++] = c;
          const n = ++counts[c];
          if (n > together) together = n;
        }
      }
      // withWord: the most neighbours found in one context sentence that has the word itself.
      const ownId = contentIds[i];
      const inContext = ownId >= 0;
      let withWord = 0;
      if (inContext)
        for (let j = index.postingsFrom(ownId); j < index.postingsTo(ownId); j++)
          if (counts[postings[j]] > withWord) withWord = counts[postings[j]];
      while (touchedCount > 0) counts[touched[--touchedCount]] = 0;
      if (inContext && withWord >= 2) continue;
      if (inContext && together - withWord >= 2) displaced.push({ token: t, together, withWord });
      if (withWord < together - 1 && !isParaphrase(t))
        anomaly += ((together - withWord) / neighbours.length) ** 2;
    }
  }
  return { displaced, anomaly };
}
