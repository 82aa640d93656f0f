import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { CreateUserDto, UpdateUserDto, UserView } from '@arbiter/contracts';
import { UserAdmin } from '@arbiter/people';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';

@ApiTags('admin')
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1')
export class UsersController {
  constructor(private readonly users: UserAdmin) {}

  @Get('users')
  @ApiContract({
    id: 'listUsers',
    summary: 'Every member of the workspace (every user, to a platform admin naming none)',
    caller: 'user',
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/UserView' } } },
  })
  list(@CurrentUser() admin: UserPrincipal): Promise<UserView[]> {
    return this.users.list(admin);
  }

  @Post('users')
  @Audited('user.create', 'user')
  @ApiContract({
    id: 'createUser',
    summary: 'Add a reviewer, lead or admin',
    caller: 'user',
    body: true,
    ok: { 201: 'UserView' },
    errors: [409],
  })
  create(@CurrentUser() admin: UserPrincipal, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body, admin);
  }

  @Patch('users/:id')
  @Audited('user.update', 'user', 'id')
  @InWorkspace('user', 'id')
  @ApiContract({
    id: 'updateUser',
    summary: "Change a user's role, queues or skills",
    caller: 'user',
    body: true,
    ok: { 200: 'UserView' },
    errors: [404],
  })
  update(
    @CurrentUser() admin: UserPrincipal,
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(id, body, admin);
  }

  /** Disables a user: their sessions are signed out and their tokens refused, on every replica within seconds. */
  @Post('users/:id/disable')
  @Audited('user.disable', 'user', 'id')
  @InWorkspace('user', 'id')
  @ApiContract({
    id: 'disableUser',
    summary: 'Sign a user out everywhere and refuse their tokens',
    caller: 'user',
    ok: { 200: 'UserView' },
    errors: [404, 409],
  })
  @HttpCode(200)
  disable(
    @Param('id', uuidParam) id: string,
    @CurrentUser() admin: UserPrincipal,
  ): Promise<UserView> {
    return this.users.setDisabled(id, true, admin);
  }

  @Post('users/:id/enable')
  @Audited('user.enable', 'user', 'id')
  @InWorkspace('user', 'id')
  @ApiContract({
    id: 'enableUser',
    summary: 'Let a disabled user sign in again',
    caller: 'user',
    ok: { 200: 'UserView' },
    errors: [404],
  })
  @HttpCode(200)
  enable(
    @Param('id', uuidParam) id: string,
    @CurrentUser() admin: UserPrincipal,
  ): Promise<UserView> {
    return this.users.setDisabled(id, false, admin);
  }

  @Get('queues')
  @ApiContract({
    id: 'listQueues',
    summary: 'Every review queue of the workspace',
    caller: 'user',
    ok: { 200: 'QueueList' },
  })
  async listQueues(@CurrentUser() admin: UserPrincipal): Promise<{ queues: string[] }> {
    return { queues: await this.users.queueNames(admin) };
  }
}
