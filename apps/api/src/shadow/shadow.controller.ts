import { Body, Controller, Delete, Get, HttpCode, Param, Put, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, UserAuthGuard } from '@arbiter/auth';
import { ActivateVersionDto } from '@arbiter/contracts';
import { ShadowComparison, ShadowPolicies } from '@arbiter/shadow';
import { ApiContract } from '../common/api-contract.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';
import { Audited } from '../audit/audited.decorator';

/** A pipeline's shadow policy version: set it, compare it with the active one, stop it. */
@ApiTags('pipelines')
@UseGuards(UserAuthGuard)
@Controller('v1/pipelines/:key/shadow')
export class ShadowController {
  constructor(private readonly shadows: ShadowPolicies) {}

  @Put()
  @InWorkspace('pipeline', 'key')
  @Audited('shadow.start', 'shadow', 'key')
  @Roles('admin')
  @ApiContract({
    id: 'startShadowPolicy',
    summary: 'Score new traffic with this version too, without routing by it',
    caller: 'user',
    body: true,
    ok: { 200: 'ShadowComparison' },
    errors: [404, 409, 422],
  })
  start(@Param('key') key: string, @Body() body: ActivateVersionDto): Promise<ShadowComparison> {
    return this.shadows.start(key, body.version);
  }

  @Get()
  @InWorkspace('pipeline', 'key')
  @Roles('lead')
  @ApiContract({
    id: 'compareShadowPolicy',
    summary: 'Agreement, automation and the error it would have had on audited items',
    caller: 'user',
    ok: { 200: 'ShadowComparison' },
    errors: [404],
  })
  compare(@Param('key') key: string): Promise<ShadowComparison> {
    return this.shadows.compare(key);
  }

  @Delete()
  @InWorkspace('pipeline', 'key')
  @Audited('shadow.stop', 'shadow', 'key')
  @Roles('admin')
  @HttpCode(204)
  @ApiContract({
    id: 'stopShadowPolicy',
    summary: 'Stop shadow scoring',
    caller: 'user',
    ok: { 204: null },
    errors: [404],
  })
  async stop(@Param('key') key: string): Promise<void> {
    await this.shadows.stop(key);
  }
}
