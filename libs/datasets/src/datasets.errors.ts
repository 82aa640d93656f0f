import { DomainError, ErrorProblem } from '@arbiter/errors';

/** What can go wrong with datasets and regression runs; mapped to HTTP once, at the api's edge. */
export enum DatasetsErrorCode {
  DatasetNotFound = 'datasets.dataset_not_found',
  RunNotFound = 'datasets.run_not_found',
  ItemNotFound = 'datasets.item_not_found',
  /** A field names something that does not exist (pipeline, client, prompt, prompt version). */
  UnknownReference = 'datasets.unknown_reference',
  NameTaken = 'datasets.name_taken',
  /** A submission cannot become an item: another client or pipeline, or not decided by a person. */
  IneligibleItem = 'datasets.ineligible_item',
  /** A run has nothing to generate with (no prompt) or nothing to run on (no items). */
  NotRunnable = 'datasets.not_runnable',
  /** A page cursor that is not the nextCursor of a page of this list. */
  BadCursor = 'datasets.bad_cursor',
}

/** One problem of a request, by the path of the field at fault. */
export type FieldProblem = ErrorProblem;

/** A coded error of the datasets slice; `problems` name the fields at fault. */
export class DatasetsError extends DomainError<DatasetsErrorCode> {
  constructor(code: DatasetsErrorCode, message: string, problems: FieldProblem[] = []) {
    super(code, message, problems.length ? problems : undefined);
  }
}
