import { DomainError, ErrorProblem } from '@arbiter/errors';

/** What can go wrong in the prompt registry; mapped to HTTP once, at the api's edge. */
export enum PromptsErrorCode {
  /** The version document is malformed: `problems` name each field. */
  InvalidDocument = 'prompts.invalid_document',
  PromptNotFound = 'prompts.prompt_not_found',
  VersionNotFound = 'prompts.version_not_found',
  LabelNotFound = 'prompts.label_not_found',
  /** A label or split names a version of another prompt. */
  VersionOfOtherPrompt = 'prompts.version_of_other_prompt',
  /** Resolve: the variables do not satisfy the version's variables schema (a required one is missing, …). */
  InvalidVariables = 'prompts.invalid_variables',
  /** Resolve: the language is not a language code at all (a known one without a variant falls back). */
  UnknownLanguage = 'prompts.unknown_language',
  /** Resolve: the template could not be rendered with these variables. */
  RenderFailed = 'prompts.render_failed',
  /** Resolve: the prompt has neither the asked label nor `production` nor `fallback`. */
  NothingToServe = 'prompts.nothing_to_serve',
}

/** One problem of a request, by the path of the field at fault. */
export type FieldProblem = ErrorProblem;

/** A coded error of the prompt registry; `problems` name the fields at fault. */
export class PromptsError extends DomainError<PromptsErrorCode> {
  constructor(code: PromptsErrorCode, message: string, problems: FieldProblem[] = []) {
    super(code, message, problems.length ? problems : undefined);
  }
}
