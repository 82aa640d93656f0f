// An OpenAI chat completion gated by Arbiter: the answer goes out only once Arbiter approves it.
// In your service, import from '@arbiter/client' instead of '../src'.
import OpenAI from 'openai';
import { ArbiterClient, SubmissionView } from '../src';

export type Gated =
  | { kind: 'approved'; text: string }
  | { kind: 'held'; submissionId: string }
  | { kind: 'rejected'; reasons: string[] };

export async function answerWithArbiter(
  openai: OpenAI,
  arbiter: ArbiterClient,
  question: string,
  documents: { id: string; text: string }[],
): Promise<Gated> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      {
        role: 'system',
        content: `Answer from these documents only:\n${documents.map((d) => d.text).join('\n')}`,
      },
      { role: 'user', content: question },
    ],
  });
  const text = completion.choices[0]?.message.content ?? '';
  // Waits up to 10 s for the decision; an answer sent to people comes back as `held`
  // (its decision arrives later by webhook or on the events feed).
  const decided: SubmissionView = await arbiter.submitAndWait(
    {
      pipeline: 'support',
      input: { prompt: question, context: documents },
      output: { text },
      model: { provider: 'openai', name: completion.model ?? 'gpt-4o-mini' },
    },
    { timeoutMs: 10_000, until: 'routed' },
  );
  if (decided.status === 'approved')
    return { kind: 'approved', text: decided.decision?.finalOutput?.text ?? text };
  if (decided.status === 'human_review') return { kind: 'held', submissionId: decided.id };
  return { kind: 'rejected', reasons: (decided.decision?.reasons ?? []).map((r) => r.code) };
}
