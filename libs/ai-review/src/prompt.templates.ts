import { ChatMessage, ReviewItem } from './ai-review.types';

/** The reviewer prompt, versioned with the policy (aiReview.promptVersion). */
export const DEFAULT_PROMPT_VERSION = 'v1';

const SYSTEM_V1 = [
  'You are a strict fact checker reviewing an AI-generated output before it reaches a customer.',
  'Judge only whether every claim in OUTPUT is supported by CONTEXT (and consistent with the PROMPT).',
  'Placeholders such as [EMAIL_1] stand for redacted personal data; treat equal placeholders as equal values.',
  'Answer with one JSON object and nothing else:',
  '{"verdict": "approve" | "reject" | "unsure", "confidence": number in [0,1], "reasons": [string], "problematicSpans": [{"text": exact quote from OUTPUT, "reason": string}]}',
  'approve = fully supported; reject = contradicts or invents facts; unsure = cannot tell.',
].join('\n');

function userV1(item: ReviewItem): string {
  const context = item.context.map((c) => `[${c.id}] ${c.text}`).join('\n\n');
  const samples = item.samples.length
    ? `\n\nOTHER SAMPLES OF THE SAME ANSWER:\n${item.samples.map((s, i) => `(${i + 1}) ${s}`).join('\n')}`
    : '';
  return `PROMPT:\n${item.prompt ?? '(none)'}\n\nCONTEXT:\n${context || '(none)'}\n\nOUTPUT:\n${item.output}${samples}`;
}

const TEMPLATES: Record<string, (item: ReviewItem) => ChatMessage[]> = {
  v1: (item) => [
    { role: 'system', content: SYSTEM_V1 },
    { role: 'user', content: userV1(item) },
  ],
};

/** Known prompt versions. */
export const PROMPT_VERSIONS: readonly string[] = Object.keys(TEMPLATES);

/** The chat messages of a prompt version; throws on an unknown version (the stage fails safe). */
export function buildPrompt(item: ReviewItem, version = DEFAULT_PROMPT_VERSION): ChatMessage[] {
  const template = TEMPLATES[version];
  if (!template)
    throw new Error(
      `unknown reviewer prompt version "${version}" (known: ${PROMPT_VERSIONS.join(', ')})`,
    );
  return template(item);
}
