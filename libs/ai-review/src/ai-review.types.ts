/** Shapes shared by every AI reviewer, the fallback chain and the worker stage. */

export type VerdictKind = 'approve' | 'reject' | 'unsure';

/** A passage of the output the reviewer finds problematic; offsets are filled in when found. */
export interface ProblemSpan {
  text: string;
  reason?: string;
  start?: number;
  end?: number;
}

/** What a reviewer answers, whatever the provider. */
export interface Verdict {
  verdict: VerdictKind;
  /** How sure the reviewer is of its verdict, in [0,1]. */
  confidence: number;
  reasons: string[];
  problematicSpans: ProblemSpan[];
}

/** What a reviewer is shown of a submission. */
export interface ReviewItem {
  prompt?: string;
  context: { id: string; text: string }[];
  /** The output as text (JSON outputs serialised). */
  output: string;
  samples: string[];
}

/** Why a provider call failed; every kind counts as a failure, none ever approves. */
export type FailureKind =
  'timeout' | 'http_error' | 'rate_limited' | 'network' | 'malformed' | 'schema' | 'internal';

/** A failed provider call, classified for retries, the breaker and the timeline. */
export class ProviderFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** For rate_limited: the provider's Retry-After, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderFailure';
  }

  /** Transient faults worth another attempt on the same provider. */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'http_error' || this.kind === 'network';
  }
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** True when the provider reported usage; false when estimated with the tokenizer. */
  reported: boolean;
}

/** One successful answer of a provider. */
export interface ProviderAnswer {
  verdict: Verdict;
  usage: TokenUsage;
  /** Model that answered (as the provider names it). */
  model: string;
}

/** A chat message of the reviewer prompt. */
export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}
