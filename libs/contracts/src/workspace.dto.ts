import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { USER_ROLE_NAMES } from './review.dto';

/** A workspace key: lower-case letters, digits and dashes, 1 to 63 characters. */
export const WORKSPACE_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** POST /v1/workspaces body. */
export class CreateWorkspaceDto {
  @ApiProperty({ example: 'claims-team', description: 'Lower-case letters, digits and dashes' })
  @IsString()
  @Matches(WORKSPACE_KEY, {
    message:
      'key must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit',
  })
  key!: string;

  @ApiProperty({ example: 'Claims team' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

/** PUT /v1/workspaces/:key/members/:userId body. */
export class WorkspaceMemberDto {
  @ApiProperty({ enum: USER_ROLE_NAMES })
  @IsIn(USER_ROLE_NAMES as unknown as string[], {
    message: `role must be one of ${USER_ROLE_NAMES.join(', ')}`,
  })
  role!: (typeof USER_ROLE_NAMES)[number];
}

export interface WorkspaceView {
  id: string;
  key: string;
  name: string;
  createdAt: string;
  /** How many people hold a role in it. */
  members: number;
}

/** GET /v1/workspaces/mine: where the caller may act, and as what. */
export interface MyWorkspacesView {
  /** A platform admin manages workspaces and may act in any of them (as admin). */
  platformAdmin: boolean;
  workspaces: { key: string; name: string; role: string }[];
}

export interface WorkspaceMemberView {
  workspace: string;
  userId: string;
  email: string;
  role: string;
}
