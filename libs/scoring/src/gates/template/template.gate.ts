import type { GateFinding, ScoringInput, ValidatorConfig } from '../../scoring.types';
import type { Analysis } from '../../engine/analysis';
import type { GateDefinition } from '../../engine/engine.types';
import { compiledFor, targetText } from '../gate-support.util';
import { diffTemplate, isSubsequence } from './template-diff';
import { validateTemplateOptions } from './template-options.validator';
import {
  compileTemplate,
  type ParsedTemplate,
  parseTemplateText,
  slotNames,
  tokensOf,
} from './template.parser';

/** An entry of `templates`: `{ name, text }`. */
interface TemplateEntry {
  name: string;
  text: string;
}

interface CompiledTemplates {
  templates: ParsedTemplate[];
  minSimilarity: number;
}

export const DEFAULT_MAX_SLOT_LENGTH = 500;
const DEFAULT_MIN_SIMILARITY = 0.5;

function compile(options: ValidatorConfig): CompiledTemplates {
  const shared = (options.slots as Record<string, string> | undefined) ?? {};
  const maxSlot = (options.maxSlotLength as number | undefined) ?? DEFAULT_MAX_SLOT_LENGTH;
  const templates = ((options.templates as TemplateEntry[] | undefined) ?? []).flatMap((t) => {
    const parsed = parseTemplateText(t.text);
    return parsed.parts ? [compileTemplate(t.name, t.text, parsed.parts, shared, maxSlot)] : [];
  });
  return {
    templates,
    minSimilarity: (options.minSimilarity as number | undefined) ?? DEFAULT_MIN_SIMILARITY,
  };
}

/** Matches a template whose fixed text the output contains: null when it passes, else the slot findings. */
function matchTemplate(template: ParsedTemplate, text: string): GateFinding[] | 'no-match' {
  const m = template.matcher.exec(text);
  if (!m) return 'no-match';
  const names = slotNames(template);
  const findings: GateFinding[] = [];
  names.forEach((name, k) => {
    const value = m.groups?.[`s${k}`] ?? '';
    const [start, end] = m.indices?.groups?.[`s${k}`] ?? [0, 0];
    const pattern = template.slotPatterns.get(`s${k}`);
    if (!value.trim())
      findings.push({
        code: 'template.slot_empty',
        message: `Template "${template.name}": the slot "${name}" is empty.`,
        spans: [{ start, end }],
      });
    else if (pattern && !pattern.test(value.trim()))
      findings.push({
        code: 'template.slot',
        message: `Template "${template.name}": "${value.trim()}" does not fit the slot "${name}" (${pattern.source.slice(4, -2)}).`,
        spans: [{ start, end, text: value }],
      });
  });
  return findings;
}

function check(input: ScoringInput, analysis: Analysis, options: ValidatorConfig): GateFinding[] {
  const { templates, minSimilarity } = compiledFor(options, compile);
  const target = targetText(input, analysis.fullText, options.field, 'template.missing');
  if ('finding' in target) return [target.finding];
  const text = target.text;
  const tokens = tokensOf(text);
  let slotFindings: GateFinding[] | null = null;
  for (const template of templates) {
    if (!isSubsequence(template.fixedTokens, tokens)) continue;
    const result = matchTemplate(template, text);
    if (result === 'no-match') continue;
    if (result.length === 0) return [];
    slotFindings ??= result;
  }
  if (slotFindings) return slotFindings;
  return [closestFinding(templates, tokens, minSimilarity)];
}

/** The finding for an output that follows no template: the closest one and what it lacks. */
function closestFinding(
  templates: ParsedTemplate[],
  tokens: string[],
  minSimilarity: number,
): GateFinding {
  let best: { template: ParsedTemplate; coverage: number; missing: string[][] } | null = null;
  for (const template of templates) {
    const diff = diffTemplate(template.fixedTokens, tokens);
    if (!best || diff.coverage > best.coverage) best = { template, ...diff };
  }
  if (!best) return { code: 'template.none', message: 'No approved template is configured.' };
  const percent = Math.round(best.coverage * 100);
  const name = best.template.name;
  if (best.coverage < minSimilarity)
    return {
      code: 'template.none',
      message: `The output follows none of the approved templates; the closest is "${name}" (${percent}% of its fixed text).`,
      suggestion: best.template.text,
    };
  const missing = best.missing.slice(0, 5).map((run) => `"${run.join(' ')}"`);
  return {
    code: 'template.mismatch',
    message: missing.length
      ? `The output departs from template "${name}" (${percent}% of its fixed text); missing: ${missing.join(', ')}${best.missing.length > 5 ? ', …' : ''}.`
      : `The output has the fixed text of template "${name}" but adds text outside its slots.`,
    suggestion: best.template.text,
  };
}

/** `template`: the output follows one of the policy's approved templates (fixed text, slots with patterns). */
export const templateGate: GateDefinition = { check, validate: validateTemplateOptions };
