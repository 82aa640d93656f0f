import { BaseMessage } from '@langchain/core/messages';
import { Runnable, RunnableConfig } from '@langchain/core/runnables';
import { ArbiterClient, ArbiterError, SubmissionRequest, SubmissionView } from '@arbiter/client';

/** A retrieved document, as LangChain retrievers return them, or Arbiter's `{id, text}`. */
export type ContextDocument =
  | { id: string; text: string }
  | { pageContent: string; id?: string; metadata?: Record<string, unknown> };

/** What the gate judges: the model's answer, with the prompt and the documents it was given. */
export interface GateInput {
  output: string | BaseMessage;
  prompt?: string;
  context?: ContextDocument[];
  metadata?: Record<string, unknown>;
  externalId?: string;
}

export interface ArbiterGateOptions {
  client: ArbiterClient;
  /** The Arbiter pipeline whose policy judges these outputs. */
  pipeline: string;
  /** Reported when the message does not say which model wrote it. Default `{provider: 'unknown', name: 'unknown'}`. */
  model?: { provider: string; name: string; version?: string };
  /**
   * An output sent to people: `wait` for their decision (up to `timeoutMs`), or `raise`
   * ArbiterHeldError at once so the caller can answer "we'll get back to you".
   */
  onHold?: 'wait' | 'raise';
  /** How long to wait for a decision. Default 60 s. */
  timeoutMs?: number;
}

/** Arbiter rejected the output (or it expired): do not show it. */
export class ArbiterRejectedError extends ArbiterError {
  override name = 'ArbiterRejectedError';
  constructor(readonly submission: SubmissionView) {
    super(
      `Arbiter ${submission.status} the output: ${(submission.decision?.reasons ?? []).map((r) => r.code).join(', ') || 'no reason given'}`,
    );
  }
}

/** The output is with human reviewers: its decision comes later (webhook, events feed, decision()). */
export class ArbiterHeldError extends ArbiterError {
  override name = 'ArbiterHeldError';
  constructor(readonly submission: SubmissionView) {
    super(`Arbiter sent the output to human review (submission ${submission.id})`);
  }
}

const textOf = (output: string | BaseMessage): string => {
  if (typeof output === 'string') return output;
  const content = output.content;
  if (typeof content === 'string') return content;
  return content
    .map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
    .join('');
};

function modelOf(
  output: string | BaseMessage,
  fallback: ArbiterGateOptions['model'],
): SubmissionRequest['model'] {
  const metadata =
    typeof output === 'string'
      ? undefined
      : (output.response_metadata as Record<string, unknown> | undefined);
  const name = typeof metadata?.model_name === 'string' ? metadata.model_name : undefined;
  return name
    ? { provider: fallback?.provider ?? 'openai', name }
    : (fallback ?? { provider: 'unknown', name: 'unknown' });
}

const documentOf = (doc: ContextDocument, index: number): { id: string; text: string } =>
  'text' in doc
    ? doc
    : { id: doc.id ?? String(doc.metadata?.id ?? `doc-${index + 1}`), text: doc.pageContent };

/**
 * A LangChain runnable that gates an LLM answer with Arbiter: it submits the answer with its
 * prompt and retrieved documents and returns the text to show (the reviewer's edit when there is
 * one), raises ArbiterRejectedError on a rejection, and waits or raises ArbiterHeldError while
 * people review.
 */
export class ArbiterGate extends Runnable<GateInput | string | BaseMessage, string> {
  lc_namespace = ['arbiter', 'gate'];

  constructor(private readonly options: ArbiterGateOptions) {
    super();
  }

  async invoke(input: GateInput | string | BaseMessage, config?: RunnableConfig): Promise<string> {
    const gate: GateInput =
      typeof input === 'string' || input instanceof BaseMessage ? { output: input } : input;
    const text = textOf(gate.output);
    const onHold = this.options.onHold ?? 'wait';
    const submission = await this.options.client.submitAndWait(
      {
        pipeline: this.options.pipeline,
        externalId: gate.externalId,
        input: { prompt: gate.prompt, context: gate.context?.map(documentOf) },
        output: { text },
        model: modelOf(gate.output, this.options.model),
        metadata: gate.metadata,
      },
      {
        timeoutMs: this.options.timeoutMs ?? 60_000,
        until: onHold === 'raise' ? 'routed' : 'decided',
        signal: config?.signal,
      },
    );
    if (submission.status === 'approved') return submission.decision?.finalOutput?.text ?? text;
    if (submission.status === 'human_review') throw new ArbiterHeldError(submission);
    throw new ArbiterRejectedError(submission);
  }
}
