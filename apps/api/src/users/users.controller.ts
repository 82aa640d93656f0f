import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { CreateUserDto, UpdateUserDto, UserView } from '@arbiter/contracts';
import { UserAdmin } from '@arbiter/people';
import { uuidParam } from '../common/uuid-param.pipe';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';

@ApiTags('admin')
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1')
export class UsersController {
  constructor(private readonly users: UserAdmin) {}

  @Get('users')
  @ApiContract({
    id: 'listUsers',
    summary: 'Every user',
    caller: 'user',
    ok: { 200: { type: 'array', items: { $ref: '#/components/schemas/UserView' } } },
  })
  list(): Promise<UserView[]> {
    return this.users.list();
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
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Patch('users/:id')
  @Audited('user.update', 'user', 'id')
  @ApiContract({
    id: 'updateUser',
    summary: "Change a user's role, queues or skills",
    caller: 'user',
    body: true,
    ok: { 200: 'UserView' },
    errors: [404],
  })
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, body);
  }

  /** Disables a user: their sessions are signed out and their tokens refused, on every replica within seconds. */
  @Post('users/:id/disable')
  @Audited('user.disable', 'user', 'id')
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
    return this.users.setDisabled(id, true, admin.userId);
  }

  @Post('users/:id/enable')
  @Audited('user.enable', 'user', 'id')
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
    return this.users.setDisabled(id, false, admin.userId);
  }

  @Get('queues')
  @ApiContract({
    id: 'listQueues',
    summary: 'Every review queue a policy names',
    caller: 'user',
    ok: { 200: 'QueueList' },
  })
  async listQueues(): Promise<{ queues: string[] }> {
    return { queues: await this.users.queueNames() };
  }
}
