import type { GateFinding, ScoringInput, Span, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import { checkStringArray, COMMON_VALIDATOR_KEYS, unknownKeys } from '../engine/options.util';

const CHECKS = ['truncation', 'invisible', 'injection', 'refusal'] as const;
type Check = (typeof CHECKS)[number];

// Zero-width and format characters, bidirectional controls (Trojan Source), Unicode tag characters.
// The combining grapheme joiner (U+034F) is matched on its own, outside a class, to keep the
// class free of combining marks.
const INVISIBLE_RE =
  /[\u200B-\u200D\u2060-\u2064\uFEFF\u00AD\u180E]|\u034F|[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]|\uDB40[\uDC00-\uDC7F]/g;
const BIDI_RE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const INJECTION_RE =
  /\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier)\s+(?:instructions|prompts?|rules|messages)\b|\b(?:reveal|print|show|repeat)\s+(?:your|the)\s+(?:system\s+prompt|hidden\s+instructions|initial\s+prompt)\b|<\|(?:im_start|im_end|system|endoftext|eot_id|start_header_id)\|>|\[\/?INST\]|<<\/?SYS>>|^#{2,}\s*(?:system|instruction)s?\s*:?\s*$|\byou\s+are\s+now\s+(?:DAN|in\s+developer\s+mode)\b/gim;
const REFUSAL_RE =
  /\b(?:I(?:'m| am) (?:sorry|afraid),? (?:but )?I (?:can(?:'|no)t|cannot|am unable to|won't)|I (?:can(?:'|no)t|cannot|am unable to|won't) (?:help|assist|comply|provide|do that)|as an AI(?: language model)?,? I\b|I(?:'m| am) (?:just )?an AI (?:language model|assistant)|maaf,? saya tidak (?:dapat|boleh)|paumanhin,? hindi ko)/gi;

function matches(re: RegExp, text: string, limit = 20): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && spans.length < limit)
    spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return spans;
}

/** Signs that the output was cut off: an open code fence, unbalanced brackets, or no closing punctuation. */
export function truncationSpan(text: string): Span | null {
  const t = text.trimEnd();
  if (!t) return null;
  const tail = { start: Math.max(0, t.length - 20), end: t.length, text: t.slice(-20) };
  if ((t.match(/```/g) ?? []).length % 2 === 1) return tail;
  let depth = 0;
  for (const ch of t) {
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  if (depth > 0 && /^\s*[[{]/.test(t)) return tail;
  // Prose longer than a phrase must end like a sentence; a trailing "and", comma or ellipsis means it stopped.
  if (
    t.length >= 80 &&
    /(?:[,;:\-–(]|\.\.\.|…|\b(?:and|or|the|a|of|to|with|but|dan|at|ng))$/i.test(t)
  )
    return tail;
  if (t.length >= 200 && /[\p{L}\p{N}]$/u.test(t) && !/[\p{Script=Thai}\p{Script=Han}]$/u.test(t))
    return tail;
  return null;
}

function check(_input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const text = analysis.text;
  const enabled = new Set<Check>((options.checks as Check[] | undefined) ?? CHECKS);
  const findings: GateFinding[] = [];
  if (enabled.has('truncation')) {
    const span = truncationSpan(text);
    if (span)
      findings.push({
        code: 'integrity.truncated',
        message: 'The output looks cut off.',
        spans: [span],
      });
  }
  if (enabled.has('invisible')) {
    const spans = matches(INVISIBLE_RE, text, 50);
    if (spans.length) {
      const bidi = spans.some((s) => BIDI_RE.test(s.text ?? ''));
      findings.push({
        code: bidi ? 'integrity.bidi' : 'integrity.invisible',
        message: bidi
          ? 'The output contains bidirectional control characters that can reorder what a reader sees.'
          : 'The output contains invisible characters.',
        spans: spans.map((s) => ({
          ...s,
          text: `U+${(s.text ?? '').codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`,
        })),
        suggestion: text.replace(INVISIBLE_RE, ''),
      });
    }
  }
  if (enabled.has('injection')) {
    const spans = matches(INJECTION_RE, text);
    if (spans.length)
      findings.push({
        code: 'integrity.injection',
        message: 'The output contains prompt-injection markers.',
        spans,
      });
  }
  if (enabled.has('refusal')) {
    const spans = matches(REFUSAL_RE, text);
    if (spans.length)
      findings.push({
        code: 'integrity.refusal',
        message: 'The output is a refusal or talks about being an AI.',
        spans,
      });
  }
  return findings;
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(options, [...COMMON_VALIDATOR_KEYS, 'checks'], path),
    ...checkStringArray(options.checks, `${path}.checks`),
  ];
  if (Array.isArray(options.checks))
    options.checks.forEach((c, i) => {
      if (typeof c === 'string' && !(CHECKS as readonly string[]).includes(c))
        problems.push({
          path: `${path}.checks[${i}]`,
          message: `unknown check "${c}" (known: ${CHECKS.join(', ')})`,
        });
    });
  return problems;
}

/** `integrity`: truncated output, invisible or bidirectional Unicode, prompt-injection markers, refusals. */
export const integrityGate: GateDefinition = { check, validate };
