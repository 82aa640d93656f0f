import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
import { QueueTasksQueryDto, QueueTasksView } from '@arbiter/contracts';
import { BrowseQueue } from '@arbiter/review';
import { ApiContract } from '../common/api-contract.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';

/** Leads browse a queue's open tasks, read-only: nothing here claims, leases or decides. */
@ApiTags('review')
@UseGuards(UserAuthGuard)
@Roles('lead')
@Controller('v1/review/queues')
export class QueueBrowserController {
  constructor(private readonly browse: BrowseQueue) {}

  @Get(':queue/tasks')
  @InWorkspace('queue', 'queue')
  @ApiContract({
    id: 'browseQueueTasks',
    summary: "A queue's open tasks, filtered, the most urgent first (leads and admins)",
    caller: 'user',
    ok: { 200: 'QueueTasks' },
    errors: [404],
  })
  tasks(
    @Param('queue') queue: string,
    @Query() query: QueueTasksQueryDto,
  ): Promise<QueueTasksView> {
    return this.browse.execute(queue, query);
  }
}
