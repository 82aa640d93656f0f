import type { ScoringInput, SignalConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import { missingSignal, type SignalDefinition, type SignalOutput } from '../engine/engine.types';
import { isContent } from '../text/stopwords.util';
import { stemsOf } from '../text/tokens.util';

const MAX_SAMPLES = 20;

/**
 * SelfCheckGPT's unigram (max) variant, model-free: a sentence is as doubtful as its rarest
 * content word across the samples. Per sentence, m = number of samples containing its rarest
 * word; the sentence scores log(1 + m) / log(1 + S). For JSON outputs, per-field agreement.
 */
function compute(input: ScoringInput, analysis: Analysis, _options: SignalConfig): SignalOutput {
  const samples = (input.output.samples ?? [])
    .filter((s) => typeof s === 'string' && s.trim())
    .slice(0, MAX_SAMPLES);
  if (!samples.length) return missingSignal('no samples');
  const json = jsonAgreement(input, samples);
  if (json) return json;
  const sampleStems = samples.map((s) => new Set(stemsOf(s.slice(0, 50_000))));
  const S = samples.length;
  const perSentence: {
    start: number;
    end: number;
    score: number;
    rarest?: string;
    support: number;
  }[] = [];
  for (const sentence of analysis.sentences) {
    let rarest: string | undefined;
    let min = Infinity;
    for (const t of sentence.tokens) {
      if (!isContent(t.norm)) continue;
      let m = 0;
      for (const set of sampleStems) if (set.has(t.stem)) m++;
      if (m < min) {
        min = m;
        rarest = t.norm;
      }
    }
    if (rarest === undefined) continue;
    perSentence.push({
      start: sentence.start,
      end: sentence.end,
      score: Math.log1p(min) / Math.log1p(S),
      rarest,
      support: min,
    });
  }
  if (!perSentence.length) return missingSignal('no content words in the output');
  const mean = perSentence.reduce((a, s) => a + s.score, 0) / perSentence.length;
  const worst = Math.min(...perSentence.map((s) => s.score));
  return {
    score: mean,
    features: { 'selfConsistency.mean': mean, 'selfConsistency.min': worst },
    evidence: {
      samples: S,
      sentences: perSentence
        .slice(0, 50)
        .map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 })),
    },
  };
}

function leaves(value: unknown, path: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
    else for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
  } else
    out.set(
      path,
      typeof value === 'string'
        ? value.trim().toLowerCase().replace(/\s+/g, ' ')
        : JSON.stringify(value),
    );
}

/** Share of samples agreeing with the output on each leaf field, when the output is JSON. */
function jsonAgreement(input: ScoringInput, samples: string[]): SignalOutput | null {
  let output = input.output.json;
  if (
    output === undefined &&
    typeof input.output.text === 'string' &&
    /^\s*[[{]/.test(input.output.text)
  ) {
    try {
      output = JSON.parse(input.output.text);
    } catch {
      return null;
    }
  }
  if (output === undefined || output === null || typeof output !== 'object') return null;
  const fields = new Map<string, string>();
  leaves(output, '$', fields);
  const parsed = samples.map((s) => {
    try {
      const m = new Map<string, string>();
      leaves(JSON.parse(s), '$', m);
      return m;
    } catch {
      return new Map<string, string>();
    }
  });
  if (!fields.size) return null;
  const agreement: { path: string; agreement: number }[] = [];
  for (const [path, value] of fields)
    agreement.push({
      path,
      agreement: parsed.filter((m) => m.get(path) === value).length / parsed.length,
    });
  const mean = agreement.reduce((a, f) => a + f.agreement, 0) / agreement.length;
  const worst = Math.min(...agreement.map((f) => f.agreement));
  return {
    score: mean,
    features: { 'selfConsistency.mean': mean, 'selfConsistency.min': worst },
    evidence: {
      samples: samples.length,
      mode: 'json-fields',
      disagreeing: agreement
        .filter((f) => f.agreement < 1)
        .sort((a, b) => a.agreement - b.agreement)
        .slice(0, 20),
    },
  };
}

/** `selfConsistency`: agreement of the output with `output.samples` (SelfCheckGPT unigram; per-field for JSON). */
export const selfConsistencySignal: SignalDefinition = { compute };
