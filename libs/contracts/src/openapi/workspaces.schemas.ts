import type { MyWorkspacesView, WorkspaceMemberView, WorkspaceView } from '../workspace.dto';
import {
  arrayOf,
  boolean,
  dateTime,
  enumOf,
  integer,
  objectOf,
  SchemaObject,
  string,
  uuid,
} from './schema';

const role = enumOf(['reviewer', 'lead', 'admin']);

/** Schemas of workspaces and their members. */
export const WORKSPACE_SCHEMAS: Record<string, SchemaObject> = {
  Workspace: objectOf<WorkspaceView>({
    id: uuid,
    key: string({ example: 'claims-team' }),
    name: string(),
    createdAt: dateTime,
    members: integer({ minimum: 0 }),
  }),
  MyWorkspaces: objectOf<MyWorkspacesView>({
    platformAdmin: boolean,
    workspaces: arrayOf(
      objectOf<MyWorkspacesView['workspaces'][number]>({ key: string(), name: string(), role }),
    ),
  }),
  WorkspaceMember: objectOf<WorkspaceMemberView>({
    workspace: string({ description: "The workspace's key" }),
    userId: uuid,
    email: string(),
    role,
  }),
};
