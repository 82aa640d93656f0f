import {
  compareMatchByPositionAndId,
  englishDataset,
  englishRecommendedTransformers,
  RegExpMatcher,
  type MatchPayload,
} from 'obscenity';

// obscenity's RegExpMatcher spends most of its time outside the regexes: it runs the
// transformer chain through a generator and a closure per character, builds the transformed
// text one `+=` at a time, clones every term's regex through matchAll, and computes whitelist
// intervals before it knows whether anything matched. This runs the SAME transformers, terms
// and whitelist (read from the matcher) with the same results, minus that overhead:
// - the leading stateless transformers are memoised per code point (they are pure maps);
// - the text is built from a code buffer, the term regexes are exec'd in place;
// - whitelist intervals are computed only once a blacklisted term has matched.
// If obscenity's internals ever stop looking as expected, the public API is used instead.

type Transform = (char: number) => number | undefined;

interface TransformerLike {
  type: number;
  transform?: Transform;
}

interface StatefulLike {
  transform: Transform;
  reset: () => void;
}

interface TransformerSetLike {
  transformers: TransformerLike[];
  statefulTransformers: (StatefulLike | undefined)[];
}

interface MatcherInternals {
  blacklistedTerms: { id: number; regExp: RegExp }[];
  whitelistedTerms: string[];
  blacklistMatcherTransformers: TransformerSetLike;
  whitelistMatcherTransformers: TransformerSetLike;
}

const SIMPLE = 0;
const UNKNOWN = -2;
const DROPPED = -1;

/** A transformer chain as obscenity's TransformerSet applies it, with the pure prefix memoised. */
class Pipeline {
  private readonly prefix: Transform[] = [];
  private readonly rest: Transform[] = [];
  private readonly stateful: StatefulLike[] = [];
  private readonly bmp = new Int32Array(65_536).fill(UNKNOWN);
  private readonly astral = new Map<number, number>();

  constructor(set: TransformerSetLike) {
    let i = 0;
    for (; i < set.transformers.length && set.transformers[i].type === SIMPLE; i++)
      this.prefix.push(set.transformers[i].transform as Transform);
    for (; i < set.transformers.length; i++) {
      const t = set.transformers[i];
      if (t.type === SIMPLE) this.rest.push(t.transform as Transform);
      else {
        const s = set.statefulTransformers[i] as StatefulLike;
        this.stateful.push(s);
        this.rest.push((c) => s.transform(c));
      }
    }
  }

  static supports(set: unknown): set is TransformerSetLike {
    const s = set as Partial<TransformerSetLike> | undefined;
    return (
      !!s &&
      Array.isArray(s.transformers) &&
      Array.isArray(s.statefulTransformers) &&
      s.transformers.every((t, i) =>
        t.type === SIMPLE
          ? typeof t.transform === 'function'
          : typeof s.statefulTransformers?.[i]?.transform === 'function' &&
            typeof s.statefulTransformers[i]?.reset === 'function',
      )
    );
  }

  private pure(char: number): number {
    const cached = char < 65_536 ? this.bmp[char] : (this.astral.get(char) ?? UNKNOWN);
    if (cached !== UNKNOWN) return cached;
    let c: number | undefined = char;
    for (let i = 0; i < this.prefix.length && c !== undefined; i++) c = this.prefix[i](c);
    const result = c === undefined ? DROPPED : c;
    if (char < 65_536) this.bmp[char] = result;
    else if (this.astral.size < 10_000) this.astral.set(char, result);
    return result;
  }

  /** The transformed text and, for each of its code units, the index of the input character it came from. */
  apply(input: string): { text: string; toOrig: Int32Array } {
    const n = input.length;
    const units = new Uint16Array(2 * n);
    const toOrig = new Int32Array(2 * n);
    let len = 0;
    let i = 0;
    while (i < n) {
      const position = i;
      let char = input.charCodeAt(i++);
      if (char >= 0xd800 && char <= 0xdbff && i < n) {
        const next = input.charCodeAt(i);
        if (next >= 0xdc00 && next <= 0xdfff) {
          char = (char - 0xd800) * 0x400 + next - 0xdc00 + 0x10000;
          i++;
        }
      }
      let c: number | undefined = this.pure(char);
      if (c === DROPPED) continue;
      for (let r = 0; r < this.rest.length && c !== undefined; r++) c = this.rest[r](c);
      if (c === undefined) continue;
      if (c > 0xffff) {
        const v = c - 0x10000;
        units[len] = 0xd800 + (v >> 10);
        toOrig[len++] = position;
        units[len] = 0xdc00 + (v & 0x3ff);
        toOrig[len++] = position;
      } else {
        units[len] = c;
        toOrig[len++] = position;
      }
    }
    for (const s of this.stateful) s.reset();
    let text = '';
    for (let at = 0; at < len; at += 8192)
      text += String.fromCharCode.apply(
        null,
        units.subarray(at, Math.min(len, at + 8192)) as unknown as number[],
      );
    return { text, toOrig };
  }
}

/** The same answers as RegExpMatcher.getAllMatches / hasMatch, computed faster. */
export class FastProfanityMatcher {
  private readonly internals: MatcherInternals | null;
  private readonly blacklist?: Pipeline;
  private readonly whitelist?: Pipeline;

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
      // One pass over the text instead of one per term: if no term can match anywhere, the
      // alternation of all terms cannot either (and vice versa), so clean text stops here.
      const terms = this.internals.blacklistedTerms;
      const flags = new Set(terms.map((t) => t.regExp.flags));
      if (terms.length && flags.size === 1)
        this.anyTerm = new RegExp(
          terms.map((t) => `(?:${t.regExp.source})`).join('|'),
          [...flags][0].replace(/[gy]/g, ''),
        );
    }
  }

  private readonly anyTerm?: RegExp;

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

  private scan(input: string, firstOnly: boolean): MatchPayload[] {
    const internals = this.internals as MatcherInternals;
    const { text, toOrig } = (this.blacklist as Pipeline).apply(input);
    const matches: MatchPayload[] = [];
    if (this.anyTerm && !this.anyTerm.test(text)) return matches;
    let whitelisted: [number, number][] | undefined;
    for (const term of internals.blacklistedTerms) {
      const re = term.regExp;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      try {
        while ((m = re.exec(text)) !== null) {
          const matched = m[0];
          if (matched.length === 0) {
            re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
            continue;
          }
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
            termId: term.id,
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
    const internals = this.internals as MatcherInternals;
    const { text, toOrig } = (this.whitelist as Pipeline).apply(input);
    const out: [number, number][] = [];
    for (const term of internals.whitelistedTerms) {
      let lastEnd = 0;
      for (let at = text.indexOf(term, lastEnd); at !== -1; at = text.indexOf(term, lastEnd)) {
        let end = toOrig[at + term.length - 1];
        if (
          end < input.length - 1 &&
          isHigh(input.charCodeAt(end)) &&
          isLow(input.charCodeAt(end + 1))
        )
          end++;
        out.push([toOrig[at], end]);
        lastEnd = at + term.length;
      }
    }
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
