import { DomainError } from '@arbiter/errors';

/** What can go wrong with shadow policy versions; mapped to HTTP at the api's edge. */
export enum ShadowErrorCode {
  PipelineNotFound = 'shadow.pipeline_not_found',
  /** The version asked for is not a version of this pipeline. */
  VersionNotFound = 'shadow.version_not_found',
  /** The active version cannot shadow itself. */
  VersionIsActive = 'shadow.version_is_active',
  NoShadow = 'shadow.no_shadow',
}

/** A coded error of shadow policy versions; `field` names the request field at fault. */
export class ShadowError extends DomainError<ShadowErrorCode> {
  constructor(code: ShadowErrorCode, message: string, field?: string) {
    super(code, message, field ? [{ path: field, message }] : undefined);
  }
}
