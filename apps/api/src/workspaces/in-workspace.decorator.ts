import { SetMetadata } from '@nestjs/common';

export const IN_WORKSPACE = 'arbiter:in-workspace';

/**
 * What a route parameter can name; each belongs to one workspace (a person: to those they are a
 * member of). Review tasks and dead letters are checked where they are read instead (their
 * queue's, their client's workspace), as are the lists and the figures.
 */
export type WorkspaceTargetKind =
  'pipeline' | 'prompt' | 'dataset' | 'queue' | 'client' | 'api-key' | 'user';

export interface InWorkspaceRoute {
  kind: WorkspaceTargetKind;
  /** The route parameter naming the target. */
  param: string;
  /**
   * `existing` (default): the target must exist in the caller's workspace; anything else is the
   * 404 of an unknown one. `create`: a name not taken anywhere may be created; one taken by
   * another workspace is a 409 (pipeline and prompt keys are unique across workspaces).
   */
  mode: 'existing' | 'create';
}

/**
 * The target named by `param` must be of the caller's workspace: otherwise the route answers as
 * for a target that does not exist, before anything runs (checked by WorkspaceScopeInterceptor).
 * A platform admin who names no workspace sees every workspace, so is not checked.
 */
export const InWorkspace = (
  kind: WorkspaceTargetKind,
  param: string,
  mode: InWorkspaceRoute['mode'] = 'existing',
) => SetMetadata<string, InWorkspaceRoute>(IN_WORKSPACE, { kind, param, mode });
