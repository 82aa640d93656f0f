// obscenity's transformer chains, applied the way its TransformerSet applies them but without
// a generator and a closure per character (see profanity-matcher.util.ts).

type Transform = (char: number) => number | undefined;

interface TransformerLike {
  type: number;
  transform?: Transform;
}

interface StatefulLike {
  transform: Transform;
  reset: () => void;
}

export interface TransformerSetLike {
  transformers: TransformerLike[];
  statefulTransformers: (StatefulLike | undefined)[];
}

const SIMPLE = 0;
const UNKNOWN = -2;
const DROPPED = -1;

/** A transformer chain as obscenity's TransformerSet applies it, with the pure prefix memoised. */
export class Pipeline {
  private readonly prefix: Transform[] = [];
  private readonly rest: Transform[] = [];
  private readonly stateful: StatefulLike[] = [];
  private readonly bmp = new Int32Array(65_536).fill(UNKNOWN);
  private readonly astral = new Map<number, number>();
  // Reused from call to call: two large typed arrays per call were most of the garbage here.
  private units = new Uint16Array(0);
  private toOrig = new Int32Array(0);

  constructor(set: TransformerSetLike) {
    let i = 0;
    for (; i < set.transformers.length && set.transformers[i].type === SIMPLE; i++)
      this.prefix.push(set.transformers[i].transform as Transform);
    for (; i < set.transformers.length; i++) {
      const t = set.transformers[i];
      if (t.type === SIMPLE) this.rest.push(t.transform as Transform);
      else {
        const s = set.statefulTransformers[i] as StatefulLike;
        const collapse = CollapseDuplicates.from(s);
        if (collapse) {
          this.stateful.push(collapse);
          this.rest.push((c) => collapse.transform(c));
        } else {
          this.stateful.push(s);
          this.rest.push((c) => s.transform(c));
        }
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

  /**
   * The transformed text and, for each of its code units, the index of the input character it
   * came from. `toOrig` is this pipeline's buffer: valid until its next apply.
   */
  apply(input: string): { text: string; toOrig: Int32Array } {
    const n = input.length;
    if (this.units.length < 2 * n) {
      this.units = new Uint16Array(2 * n);
      this.toOrig = new Int32Array(2 * n);
    }
    const { units, toOrig } = this;
    let len = 0;
    let surrogates = false;
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
        surrogates = true;
        const v = c - 0x10000;
        units[len] = 0xd800 + (v >> 10);
        toOrig[len++] = position;
        units[len] = 0xdc00 + (v & 0x3ff);
        toOrig[len++] = position;
      } else {
        if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
        units[len] = c;
        toOrig[len++] = position;
      }
    }
    for (const s of this.stateful) s.reset();
    return { text: unitsToString(units.subarray(0, len), surrogates), toOrig };
  }
}

// Several times faster than String.fromCharCode over the units, but it would replace lone
// surrogates (by U+FFFD): texts with any surrogate take the slow path.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function unitsToString(units: Uint16Array, surrogates: boolean): string {
  if (!surrogates) return utf16.decode(units);
  let text = '';
  for (let at = 0; at < units.length; at += 8192)
    text += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(units.length, at + 8192)) as unknown as number[],
    );
  return text;
}

/**
 * obscenity's CollapseDuplicatesTransformer (both English chains end with one), same state
 * machine, with the thresholds of ASCII characters in an array: the original looks every
 * character up in a Map, which was most of the cost of a pipeline run.
 */
class CollapseDuplicates implements StatefulLike {
  private readonly ascii = new Float64Array(128);
  private remaining = -1;
  private lastChar = -1;

  private constructor(
    private readonly defaultThreshold: number,
    private readonly customThresholds: Map<number, number>,
  ) {
    for (let c = 0; c < 128; c++) this.ascii[c] = customThresholds.get(c) ?? defaultThreshold;
  }

  /** A twin of an obscenity CollapseDuplicatesTransformer, or undefined if `s` is something else. */
  static from(s: StatefulLike): CollapseDuplicates | undefined {
    const x = s as Partial<{ defaultThreshold: unknown; customThresholds: unknown }>;
    const custom = x.customThresholds;
    const ok =
      s.constructor?.name === 'CollapseDuplicatesTransformer' &&
      typeof x.defaultThreshold === 'number' &&
      custom instanceof Map &&
      [...custom].every(([k, v]) => typeof k === 'number' && typeof v === 'number');
    return ok
      ? new CollapseDuplicates(x.defaultThreshold as number, custom as Map<number, number>)
      : undefined;
  }

  transform(char: number): number | undefined {
    if (char === this.lastChar) return this.remaining-- > 0 ? char : undefined;
    const threshold =
      char < 128 ? this.ascii[char] : (this.customThresholds.get(char) ?? this.defaultThreshold);
    this.remaining = threshold - 1;
    this.lastChar = char;
    return threshold > 0 ? char : undefined;
  }

  reset(): void {
    this.remaining = -1;
    this.lastChar = -1;
  }
}
