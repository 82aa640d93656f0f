import Mustache from 'mustache';
import { FieldProblem } from '../prompts.errors';

/** A chat message of a prompt variant, before or after rendering. */
export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Every language variant of one version, kept together so translations move in step. */
export interface PromptTemplate {
  defaultLanguage: string;
  variants: Record<string, PromptMessage[]>;
  partials: Record<string, string>;
}

type Token = [string, string, number, number, Token[]?];

/**
 * Checks a template text: Mustache syntax, partials that exist, and top-level variable names the
 * variables schema declares. Returns the problems at `path`.
 */
export function checkTemplateText(
  text: string,
  path: string,
  partials: readonly string[],
  declared: ReadonlySet<string> | null,
): FieldProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    return [{ path, message: `template syntax error: ${(error as Error).message}` }];
  }
  const problems: FieldProblem[] = [];
  const walk = (list: Token[], topLevel: boolean): void => {
    for (const [type, value, , , inner] of list) {
      if (type === '>' && !partials.includes(value)) {
        problems.push({
          path,
          message: `uses partial "${value}", which template.partials does not define`,
        });
      }
      // Inside a section names are looked up in the section's item first: only top-level names are checked.
      if (topLevel && declared && ['name', '&', '{', '#', '^'].includes(type)) {
        const root = value.split('.')[0];
        if (root !== '.' && !declared.has(root)) {
          problems.push({
            path,
            message: `uses variable "${root}", which the variables schema does not declare`,
          });
        }
      }
      if (inner) walk(inner, false);
    }
  };
  walk(tokens, true);
  return problems;
}

/** The values as Mustache sees them: plain data with no prototype, so no name reaches Object's methods. */
function asData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asData);
  if (value !== null && typeof value === 'object') {
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = asData(v);
    return copy;
  }
  return value;
}

/**
 * Renders messages with variables as data: values are inserted as they are (no HTML escaping, a
 * prompt is not HTML) and never parsed as template code.
 */
export function renderMessages(
  messages: readonly PromptMessage[],
  variables: Record<string, unknown>,
  partials: Record<string, string>,
): PromptMessage[] {
  const view = asData(variables);
  const safePartials = Object.assign(Object.create(null) as Record<string, string>, partials);
  return messages.map((m) => ({
    role: m.role,
    content: Mustache.render(m.content, view, safePartials, { escape: (s: unknown) => String(s) }),
  }));
}
