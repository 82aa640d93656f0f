import { Analysis } from '../engine/analysis';
import type { ContextIndex } from '../engine/context-index';
import { factRoles } from './fact-roles.util';

/** The fact roles of an answer against its passages as `text:kind`, once each ('unanchored' left out). */
export function roles(context: string[], text: string): string[] {
  const a = new Analysis({
    input: { context: context.map((t, i) => ({ id: `kb-${i}`, text: t })) },
    output: { text },
  });
  const kinds = factRoles(a, a.context as ContextIndex)
    .filter((r) => r.kind !== 'unanchored')
    .map((r) => `${r.text}:${r.kind}`);
  return [...new Set(kinds)];
}
