import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  Roles,
  UserAuthGuard,
  UserPrincipal,
  WithoutWorkspace,
  WorkspaceFromParam,
} from '@arbiter/auth';
import {
  CreateWorkspaceDto,
  MyWorkspacesView,
  WorkspaceMemberDto,
  WorkspaceMemberView,
  WorkspaceView,
} from '@arbiter/contracts';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';
import { WorkspaceAdmin } from './workspace-admin.use-case';

/**
 * Workspaces: platform admins list and create them; a workspace's admins (and platform admins)
 * set who holds which role in it; anyone signed in reads where they may act.
 */
@ApiTags('workspaces')
@UseGuards(UserAuthGuard)
@Controller('v1/workspaces')
export class WorkspacesController {
  constructor(private readonly admin: WorkspaceAdmin) {}

  @Get()
  @WithoutWorkspace()
  @Roles('admin')
  @ApiContract({
    id: 'listWorkspaces',
    summary: 'Every workspace (platform admins)',
    caller: 'user',
    workspace: false,
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/Workspace' } } },
  })
  list(): Promise<WorkspaceView[]> {
    return this.admin.list();
  }

  @Post()
  @WithoutWorkspace()
  @Roles('admin')
  @Audited('workspace.create', 'workspace')
  @ApiContract({
    id: 'createWorkspace',
    summary: 'Create a workspace (platform admins)',
    caller: 'user',
    workspace: false,
    body: true,
    ok: { 201: 'Workspace' },
    errors: [409],
  })
  create(@Body() body: CreateWorkspaceDto): Promise<WorkspaceView> {
    return this.admin.create(body);
  }

  @Get('mine')
  @WithoutWorkspace()
  @ApiContract({
    id: 'myWorkspaces',
    summary: 'The workspaces I may act in, with my role in each',
    caller: 'user',
    workspace: false,
    ok: { 200: 'MyWorkspaces' },
  })
  mine(@CurrentUser() user: UserPrincipal): Promise<MyWorkspacesView> {
    return this.admin.mine(user);
  }

  @Put(':key/members/:userId')
  @WorkspaceFromParam('key')
  @Roles('admin')
  @Audited('workspace.member-set', 'workspace-member', 'key+userId')
  @ApiContract({
    id: 'setWorkspaceMember',
    summary: "Give a person a role in a workspace, or change it (the workspace's admins)",
    caller: 'user',
    workspace: false,
    body: true,
    ok: { 200: 'WorkspaceMember' },
    errors: [404],
  })
  setMember(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Param('userId', uuidParam) userId: string,
    @Body() body: WorkspaceMemberDto,
  ): Promise<WorkspaceMemberView> {
    return this.admin.setMember(user, key, userId, body.role);
  }

  @Delete(':key/members/:userId')
  @WorkspaceFromParam('key')
  @Roles('admin')
  @Audited('workspace.member-remove', 'workspace-member', 'key+userId')
  @HttpCode(204)
  @ApiContract({
    id: 'removeWorkspaceMember',
    summary: "Take a person out of a workspace and its queues (the workspace's admins)",
    caller: 'user',
    workspace: false,
    ok: { 204: null },
    errors: [404],
  })
  async removeMember(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Param('userId', uuidParam) userId: string,
  ): Promise<void> {
    await this.admin.removeMember(user, key, userId);
  }
}
