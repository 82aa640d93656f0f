import type { GateFinding, ScoringInput, Span, ValidatorConfig } from '../scoring.types';
import type { Analysis } from '../engine/analysis';
import type { ConfigProblem, GateDefinition } from '../engine/engine.types';
import {
  checkBoolean,
  checkNumber,
  checkRegex,
  checkStringArray,
  COMMON_VALIDATOR_KEYS,
  unknownKeys,
} from '../engine/options.util';
import { outputJson } from './json-schema.gate';

const MARKDOWN_RE =
  /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+\.\s|>\s)|\*\*[^*\n]+\*\*|__[^_\n]+__|^\s*```|\[[^\]\n]+\]\([^)\s]+\)|^\s*\|.*\|\s*$/gm;
const URL_RE = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/gi;

function all(re: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && spans.length < 20) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return spans;
}

function hostOf(url: string): string {
  return url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .split(/[/?#:]/)[0]
    .toLowerCase();
}

function check(input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const text = analysis.text;
  const findings: GateFinding[] = [];
  if (options.json === true) {
    const parsed = outputJson(input);
    if (!parsed.ok) findings.push(parsed.finding);
  }
  if (options.markdown === false) {
    const spans = all(MARKDOWN_RE, text);
    if (spans.length)
      findings.push({
        code: 'format.markdown',
        message: 'The output uses Markdown where plain text is required.',
        spans,
      });
  }
  if (options.urls === false || Array.isArray(options.allowedDomains)) {
    const allowed = ((options.allowedDomains as string[] | undefined) ?? []).map((d) =>
      d.toLowerCase(),
    );
    const spans = all(URL_RE, text).filter((s) => {
      const host = hostOf(s.text ?? '');
      return !allowed.some((d) => host === d || host.endsWith(`.${d}`));
    });
    if (spans.length)
      findings.push({
        code: 'format.url',
        message: 'The output links to a domain that is not allowed.',
        spans,
      });
  }
  if (typeof options.pattern === 'string' && !new RegExp(options.pattern, 'u').test(text)) {
    findings.push({
      code: 'format.pattern',
      message: `The output does not match the required pattern /${options.pattern}/.`,
    });
  }
  if (typeof options.maxLineLength === 'number') {
    let offset = 0;
    const spans: Span[] = [];
    for (const line of text.split('\n')) {
      if ([...line].length > options.maxLineLength)
        spans.push({ start: offset, end: offset + line.length });
      offset += line.length + 1;
    }
    if (spans.length)
      findings.push({
        code: 'format.line_length',
        message: `Lines longer than ${options.maxLineLength} characters.`,
        spans: spans.slice(0, 20),
      });
  }
  return findings;
}

function validate(options: ValidatorConfig, path: string): ConfigProblem[] {
  const problems = [
    ...unknownKeys(
      options,
      [
        ...COMMON_VALIDATOR_KEYS,
        'json',
        'markdown',
        'urls',
        'allowedDomains',
        'pattern',
        'maxLineLength',
      ],
      path,
    ),
    ...checkBoolean(options.json, `${path}.json`),
    ...checkBoolean(options.markdown, `${path}.markdown`),
    ...checkBoolean(options.urls, `${path}.urls`),
    ...checkStringArray(options.allowedDomains, `${path}.allowedDomains`),
    ...checkNumber(options.maxLineLength, `${path}.maxLineLength`, { min: 1, integer: true }),
    ...(options.pattern !== undefined
      ? checkRegex(options.pattern, undefined, `${path}.pattern`)
      : []),
  ];
  if (
    problems.length === 0 &&
    !['json', 'markdown', 'urls', 'allowedDomains', 'pattern', 'maxLineLength'].some(
      (k) => options[k] !== undefined,
    )
  ) {
    problems.push({
      path,
      message:
        'format needs at least one of json, markdown, urls, allowedDomains, pattern, maxLineLength',
    });
  }
  return problems;
}

/** `format`: JSON parses, no Markdown, no links outside allowed domains, a required pattern, a maximum line length. */
export const formatGate: GateDefinition = { check, validate };
