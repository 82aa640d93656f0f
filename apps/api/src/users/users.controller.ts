import { Body, Controller, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
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

  @Get('queues')
  async listQueues(): Promise<{ queues: string[] }> {
    return { queues: await this.queues.all() };
  }
}
