import { useEffect, useState } from 'react';
import type { PolicyCheckView } from '@arbiter/contracts';
import { apiText } from '../api/session';

export type PolicyCheckState =
  | { status: 'checking' }
  | { status: 'checked'; result: PolicyCheckView }
  | { status: 'failed'; message: string };

// Long enough that a typist's burst is one request, short enough to feel like "as you type".
const DEBOUNCE_MS = 350;

/**
 * The API's verdict on the policy text while the admin types (POST /v1/pipelines/:key/check,
 * which stores nothing): asked once typing pauses; an answer to older text is dropped.
 */
export function usePolicyCheck(pipeline: string, text: string): PolicyCheckState {
  const [state, setState] = useState<PolicyCheckState>({ status: 'checking' });
  useEffect(() => {
    let stale = false;
    setState({ status: 'checking' });
    const timer = setTimeout(() => {
      apiText<PolicyCheckView>(
        'POST',
        `/v1/pipelines/${encodeURIComponent(pipeline)}/check`,
        text,
        'application/yaml',
      ).then(
        (result) => stale || setState({ status: 'checked', result }),
        (error: Error) => stale || setState({ status: 'failed', message: error.message }),
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [pipeline, text]);
  return state;
}
