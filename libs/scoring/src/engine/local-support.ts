import type { Analysis } from './analysis';
import type { ContextIndex } from './context-index';
import { localSources } from './local-sources';
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

/**
 * Local co-occurrence check over the local sources (see localSources). For each content word,
 * compare how many of its neighbours (±4 content words in the same sentence) co-occur in one
 * context sentence (`together`) with how many co-occur with the word itself (`withWord`).
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
  const { tokens, neighbours, together, withWord, inContext } = localSources(analysis, index);
  tokens.forEach((t, k) => {
    if (!isContent(t.norm) || (inContext[k] && withWord[k] >= 2)) return;
    if (inContext[k] && together[k] - withWord[k] >= 2)
      displaced.push({ token: t, together: together[k], withWord: withWord[k] });
    if (withWord[k] < together[k] - 1 && !isParaphrase(t))
      anomaly += ((together[k] - withWord[k]) / neighbours[k]) ** 2;
  });
  return { displaced, anomaly };
}
