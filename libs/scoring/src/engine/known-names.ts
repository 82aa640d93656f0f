import { GATES, SIGNALS } from './registry';

/** Signal names a policy's `signals:` map may use. */
export const KNOWN_SIGNALS: readonly string[] = Object.freeze(Object.keys(SIGNALS));
/** Validator types a policy's `validators:` list may use. */
export const KNOWN_VALIDATORS: readonly string[] = Object.freeze(Object.keys(GATES));
