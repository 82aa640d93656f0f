import {
  compareMatchByPositionAndId,
  englishDataset,
  englishRecommendedTransformers,
  RegExpMatcher,
  type MatchPayload,
} from 'obscenity';
import { Pipeline, type TransformerSetLike } from './profanity-pipeline.util';
import { WhitelistIndex } from './profanity-whitelist.util';

// obscenity's RegExpMatcher spends most of its time outside the regexes: it runs the
// transformer chain through a generator and a closure per character, builds the transformed
// text one `+=` at a time, clones every term's regex through matchAll, and computes whitelist
// intervals before it knows whether anything matched. This runs the SAME transformers, terms
// and whitelist (read from the matcher) with the same results, minus that overhead:
// - the leading stateless transformers are memoised per code point (they are pure maps);
// - the text is built from a code buffer, the term regexes are exec'd in place, and only at
//   the positions where the alternation of all terms matches;
// - whitelist intervals are computed only once a blacklisted term has matched, in one pass
//   over the text for all whitelisted terms.
// If obscenity's internals ever stop looking as expected, the public API is used instead.

interface MatcherInternals {
  blacklistedTerms: { id: number; regExp: RegExp }[];
  whitelistedTerms: string[];
  blacklistMatcherTransformers: TransformerSetLike;
  whitelistMatcherTransformers: TransformerSetLike;
}

/** The same answers as RegExpMatcher.getAllMatches / hasMatch, computed faster. */
export class FastProfanityMatcher {
  private readonly internals: MatcherInternals | null;
  private readonly blacklist?: Pipeline;
  private readonly whitelist?: Pipeline;
  /** The alternation of all terms, global: finds every position where some term matches. */
  private readonly anyTerm?: RegExp;
  /** Each term's regex, sticky: tried only at the positions anyTerm found. */
  private readonly stickyTerms: RegExp[] = [];
  private readonly unicode: boolean[] = [];
  private readonly whitelistIndex?: WhitelistIndex;

  constructor(private readonly matcher: RegExpMatcher) {
    const m = matcher as unknown as Partial<MatcherInternals>;
    const ok =
      Array.isArray(m.blacklistedTerms) &&
      m.blacklistedTerms.every((t) => t.regExp instanceof RegExp && t.regExp.global) &&
      Array.isArray(m.whitelistedTerms) &&
      m.whitelistedTerms.every((t) => typeof t === 'string' && t.length > 0) &&
      Pipeline.supports(m.blacklistMatcherTransformers) &&
      Pipeline.supports(m.whitelistMatcherTransformers);
    this.internals = ok ? (m as MatcherInternals) : null;
    if (this.internals) {
      this.blacklist = new Pipeline(this.internals.blacklistMatcherTransformers);
      this.whitelist = new Pipeline(this.internals.whitelistMatcherTransformers);
      this.whitelistIndex = new WhitelistIndex(this.internals.whitelistedTerms);
      const terms = this.internals.blacklistedTerms;
      this.unicode = terms.map((t) => t.regExp.unicode || t.regExp.flags.includes('v'));
      // One pass over the text instead of one per term: a term matches at a position iff the
      // alternation of all terms does, so the positions the alternation finds (searching from
      // each found position + 1) are the only places any term can match. Clean text stops after
      // that one pass; otherwise each term is tried, sticky, at those few positions.
      const flags = new Set(terms.map((t) => t.regExp.flags));
      if (terms.length && flags.size === 1) {
        const base = [...flags][0].replace(/[gy]/g, '');
        this.anyTerm = new RegExp(terms.map((t) => `(?:${t.regExp.source})`).join('|'), `${base}g`);
        this.stickyTerms = terms.map((t) => new RegExp(t.regExp.source, `${base}y`));
      }
    }
  }

  /** Whether the fast path is in use (false: obscenity's internals changed; the public API runs). */
  get fast(): boolean {
    return this.internals !== null;
  }

  hasMatch(input: string): boolean {
    if (!this.internals) return this.matcher.hasMatch(input);
    return this.scan(input, true).length > 0;
  }

  getAllMatches(input: string, sorted = false): MatchPayload[] {
    if (!this.internals) return this.matcher.getAllMatches(input, sorted);
    const matches = this.scan(input, false);
    if (sorted) matches.sort(compareMatchByPositionAndId);
    return matches;
  }

  /** Positions where some term matches, ascending. */
  private candidateStarts(text: string, anyTerm: RegExp): number[] {
    const starts: number[] = [];
    const unicode = this.unicode[0];
    anyTerm.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = anyTerm.exec(text)) !== null) {
      starts.push(m.index);
      anyTerm.lastIndex = advance(text, m.index, unicode);
    }
    anyTerm.lastIndex = 0;
    return starts;
  }

  private scan(input: string, firstOnly: boolean): MatchPayload[] {
    const internals = this.internals as MatcherInternals;
    const { text, toOrig } = (this.blacklist as Pipeline).apply(input);
    const matches: MatchPayload[] = [];
    const starts = this.anyTerm ? this.candidateStarts(text, this.anyTerm) : undefined;
    if (starts?.length === 0) return matches;
    let whitelisted: [number, number][] | undefined;
    const terms = internals.blacklistedTerms;
    for (let t = 0; t < terms.length; t++) {
      // Each term's matches as its own global exec loop finds them: the leftmost match at or
      // after the end of the previous one.
      const re = starts ? this.stickyTerms[t] : terms[t].regExp;
      let from = 0;
      let k = 0;
      try {
        for (;;) {
          let m: RegExpExecArray | null = null;
          if (starts) {
            while (k < starts.length && starts[k] < from) k++;
            for (; m === null && k < starts.length; k++) {
              re.lastIndex = starts[k];
              m = re.exec(text);
            }
          } else {
            re.lastIndex = from;
            m = re.exec(text);
          }
          if (m === null) break;
          const matched = m[0];
          if (matched.length === 0) {
            from = advance(text, m.index, this.unicode[t]);
            continue;
          }
          from = m.index + matched.length;
          const start = toOrig[m.index];
          let end = toOrig[m.index + matched.length - 1];
          if (
            end < input.length - 1 &&
            isHigh(input.charCodeAt(end)) &&
            isLow(input.charCodeAt(end + 1))
          )
            end++;
          whitelisted ??= this.whitelistedIntervals(input);
          if (contains(whitelisted, start, end)) continue;
          matches.push({
            termId: terms[t].id,
            startIndex: start,
            endIndex: end,
            matchLength: [...matched].length,
          });
          if (firstOnly) return matches;
        }
      } finally {
        re.lastIndex = 0;
      }
    }
    return matches;
  }

  /** Whitelisted spans of the input, sorted by start (as obscenity's IntervalCollection queries them). */
  private whitelistedIntervals(input: string): [number, number][] {
    const { text, toOrig } = (this.whitelist as Pipeline).apply(input);
    const out: [number, number][] = [];
    (this.whitelistIndex as WhitelistIndex).each(text, (at, length) => {
      let end = toOrig[at + length - 1];
      if (
        end < input.length - 1 &&
        isHigh(input.charCodeAt(end)) &&
        isLow(input.charCodeAt(end + 1))
      )
        end++;
      out.push([toOrig[at], end]);
    });
    return out.sort((a, b) => (a[0] < b[0] ? -1 : b[0] < a[0] ? 1 : 0));
  }
}

/** Whether a whitelisted span fully contains [start, end] (IntervalCollection.query). */
function contains(intervals: [number, number][], start: number, end: number): boolean {
  for (const [lo, hi] of intervals) {
    if (lo > start) break;
    if (end <= hi) return true;
  }
  return false;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  return isHigh(text.charCodeAt(index)) && isLow(text.charCodeAt(index + 1))
    ? index + 2
    : index + 1;
}

let shared: { matcher: RegExpMatcher; fast: FastProfanityMatcher } | undefined;

/** obscenity's English matcher (built once: compiling the dataset costs milliseconds) and its fast twin. */
export function englishProfanityMatcher(): { matcher: RegExpMatcher; fast: FastProfanityMatcher } {
  if (!shared) {
    const matcher = new RegExpMatcher({
      ...englishDataset.build(),
      ...englishRecommendedTransformers,
    });
    shared = { matcher, fast: new FastProfanityMatcher(matcher) };
  }
  return shared;
}
