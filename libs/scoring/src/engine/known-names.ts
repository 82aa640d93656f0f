import { GATES, SIGNALS } from './registry';

/** Signal names a policy's `signals:` map may use. */
export const KNOWN_SIGNALS: readonly string[] = Object.freeze(Object.keys(SIGNALS));
/** Validator types a policy's `validators:` list may use. */
export const KNOWN_VALIDATORS: readonly string[] = Object.freeze(Object.keys(GATES));
/** Validator types whose outcome the caller evaluates (I/O) and hands in as ScoringConfig.external. */
export const KNOWN_EXTERNAL_VALIDATORS: readonly string[] = Object.freeze(
  Object.entries(GATES)
    .filter(([, def]) => def.external)
    .map(([name]) => name),
);
