import { createTwoFilesPatch } from 'diff';
import { PromptMessage } from './prompt-template';
import { PromptVersionRow } from './prompt.repository';

export interface PromptDiff {
  from: number;
  to: number;
  /** Per language: added, removed, changed (with a unified diff of its messages) or same. */
  variants: {
    language: string;
    change: 'added' | 'removed' | 'changed' | 'same';
    diff: string | null;
  }[];
  partials: {
    name: string;
    change: 'added' | 'removed' | 'changed' | 'same';
    diff: string | null;
  }[];
  variables: { changed: boolean; diff: string | null };
  model: { changed: boolean; from: Record<string, unknown>; to: Record<string, unknown> };
  notes: { from: string | null; to: string | null };
}

/** Two versions side by side, as unified diffs a reviewer reads like a code review. */
export function diffVersions(a: PromptVersionRow, b: PromptVersionRow): PromptDiff {
  const asText = (messages: PromptMessage[] | undefined) =>
    (messages ?? []).map((m) => `[${m.role}]\n${m.content}\n`).join('\n');
  const section = <T>(
    name: string,
    x: T | undefined,
    y: T | undefined,
    text: (v: T | undefined) => string,
  ) => {
    const change =
      x === undefined
        ? 'added'
        : y === undefined
          ? 'removed'
          : text(x) === text(y)
            ? 'same'
            : 'changed';
    return {
      change,
      diff: change === 'same' ? null : patch(name, a.version, b.version, text(x), text(y)),
    } as const;
  };
  const languages = union(Object.keys(a.template.variants), Object.keys(b.template.variants));
  const partials = union(Object.keys(a.template.partials), Object.keys(b.template.partials));
  const json = (v: unknown) => (v === undefined ? '' : `${JSON.stringify(v, null, 2)}\n`);
  const variables = json(a.variables) === json(b.variables);
  return {
    from: a.version,
    to: b.version,
    variants: languages.map((language) => ({
      language,
      ...section(language, a.template.variants[language], b.template.variants[language], asText),
    })),
    partials: partials.map((name) => ({
      name,
      ...section(name, a.template.partials[name], b.template.partials[name], (t) => t ?? ''),
    })),
    variables: {
      changed: !variables,
      diff: variables
        ? null
        : patch('variables', a.version, b.version, json(a.variables), json(b.variables)),
    },
    model: { changed: json(a.model) !== json(b.model), from: { ...a.model }, to: { ...b.model } },
    notes: { from: a.notes, to: b.notes },
  };
}

function patch(name: string, from: number, to: number, x: string, y: string): string {
  return createTwoFilesPatch(`v${from}/${name}`, `v${to}/${name}`, x, y, '', '', { context: 3 });
}

function union(x: string[], y: string[]): string[] {
  return [...new Set([...x, ...y])].sort();
}
