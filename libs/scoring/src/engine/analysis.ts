import type { ScoringInput } from '../scoring.types';
import { splitSentences, type Sentence } from '../text/sentences.util';
import { isContent } from '../text/stopwords.util';
import { tokenize, type Token } from '../text/tokens.util';
import { CallMemo } from './call-memo';
import { ContextIndex } from './context-index';

/** An output sentence with its tokens and content stems. */
export interface AnalysedSentence extends Sentence {
  tokens: Token[];
  /** Distinct stems of content words, in order of first appearance. */
  content: string[];
}

/** Inputs above this size are cut before analysis, so one huge output cannot stall a worker. */
export const MAX_ANALYSED_CHARS = 200_000;

/**
 * Work shared by gates and signals for one scoring call, computed lazily and once:
 * tokenising a 20 KB context twice would cost more than all signals together.
 */
export class Analysis {
  private sentencesCache?: AnalysedSentence[];
  private tokensCache?: Token[];
  private contextCache?: ContextIndex | null;
  private promptCache?: { tokens: Token[]; content: Set<string> };
  /** Further work shared by signals (alignments, copied runs), keyed by its owner module. */
  readonly memo = new CallMemo();

  constructor(private readonly input: ScoringInput) {}

  private fullTextCache?: string;

  /** The whole output as text: `output.text`, else the JSON output serialised. */
  get fullText(): string {
    if (this.fullTextCache === undefined) {
      const { text, json } = this.input.output;
      this.fullTextCache =
        typeof text === 'string' ? text : json !== undefined ? safeStringify(json) : '';
    }
    return this.fullTextCache;
  }

  /** The output text analysed by signals, capped at MAX_ANALYSED_CHARS. */
  get text(): string {
    const t = this.fullText;
    return t.length > MAX_ANALYSED_CHARS ? t.slice(0, MAX_ANALYSED_CHARS) : t;
  }

  get tokens(): Token[] {
    this.tokensCache ??= tokenize(this.text);
    return this.tokensCache;
  }

  get sentences(): AnalysedSentence[] {
    if (!this.sentencesCache) {
      const text = this.text;
      const all = this.tokens;
      let i = 0;
      this.sentencesCache = splitSentences(text).map((s) => {
        const tokens: Token[] = [];
        while (i < all.length && all[i].start < s.start) i++;
        while (i < all.length && all[i].end <= s.end) tokens.push(all[i++]);
        return { ...s, tokens, content: contentStems(tokens) };
      });
    }
    return this.sentencesCache;
  }

  /** The context index, or null when the submission sent no context text. */
  get context(): ContextIndex | null {
    if (this.contextCache === undefined) {
      const passages = (this.input.input.context ?? []).filter(
        (p) => p && typeof p.text === 'string' && p.text.trim(),
      );
      this.contextCache = passages.length
        ? new ContextIndex(
            passages.map((p) => ({ id: String(p.id), text: p.text.slice(0, MAX_ANALYSED_CHARS) })),
          )
        : null;
    }
    return this.contextCache;
  }

  get prompt(): { tokens: Token[]; content: Set<string> } {
    if (!this.promptCache) {
      const tokens = tokenize((this.input.input.prompt ?? '').slice(0, MAX_ANALYSED_CHARS));
      this.promptCache = { tokens, content: new Set(contentStems(tokens)) };
    }
    return this.promptCache;
  }
}

/** Distinct content stems of a token list, in order. */
export function contentStems(tokens: Token[]): string[] {
  const seen = new Set<string>();
  for (const t of tokens) if (isContent(t.norm)) seen.add(t.stem);
  return [...seen];
}

function safeStringify(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  } catch {
    return '';
  }
}
