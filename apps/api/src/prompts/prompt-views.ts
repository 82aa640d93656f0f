import { PromptVersionRow } from '@arbiter/prompts';

/** A version as the API shows it (the row without its checksum). */
export function versionView(key: string, v: PromptVersionRow) {
  return {
    prompt: key,
    id: v.id,
    version: v.version,
    template: v.template,
    variables: v.variables,
    model: v.model,
    notes: v.notes,
    author: v.author,
    source: v.source,
    createdAt: v.createdAt,
  };
}
