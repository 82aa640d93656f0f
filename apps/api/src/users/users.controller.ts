import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { CreateUserDto, UpdateUserDto, UserView } from '@arbiter/contracts';
import { ReviewQueueRepository } from '@arbiter/persistence';
import { UserAdmin } from './user-admin.use-case';
import { uuidParam } from '../common/uuid-param.pipe';

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1')
export class UsersController {
  constructor(
    private readonly users: UserAdmin,
    private readonly queues: ReviewQueueRepository,
  ) {}

  @Get('users')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post('users')
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(body);
  }

  @Patch('users/:id')
  update(@Param('id', uuidParam) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, body);
  }

  /** Disables a user: their sessions are signed out and their tokens refused, on every replica within seconds. */
  @Post('users/:id/disable')
  @HttpCode(200)
  disable(
    @Param('id', uuidParam) id: string,
    @CurrentUser() admin: UserPrincipal,
  ): Promise<UserView> {
    return this.users.setDisabled(id, true, admin.userId);
  }

  @Post('users/:id/enable')
  @HttpCode(200)
  enable(
    @Param('id', uuidParam) id: string,
    @CurrentUser() admin: UserPrincipal,
  ): Promise<UserView> {
    return this.users.setDisabled(id, false, admin.userId);
  }

  @Get('queues')
  async listQueues(): Promise<{ queues: string[] }> {
    return { queues: await this.queues.all() };
  }
}
