import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, homeOf, Roles, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import { ActivateVersionDto, PipelineView, PolicyCheckView, SplitDto } from '@arbiter/contracts';
import { PolicyProblem } from '@arbiter/policy';
import { FastifyRequest } from 'fastify';
import { PipelineAdmin, PolicyBody } from '@arbiter/pipelines';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';

const YAML_TYPES = /^(application|text)\/(x-)?yaml\b/i;

/**
 * A workspace's admins add, activate, roll back and split its pipelines' policy versions. A new
 * key makes a pipeline of the caller's workspace; keys are unique across workspaces.
 */
@ApiTags('pipelines')
@UseGuards(UserAuthGuard)
@Roles('admin')
@Controller('v1/pipelines')
export class PipelinesController {
  constructor(private readonly admin: PipelineAdmin) {}

  @Put(':key')
  @Audited('pipeline.put', 'pipeline', 'key')
  @InWorkspace('pipeline', 'key', 'create')
  @ApiContract({
    id: 'putPolicy',
    summary: 'Add a policy version (the same document again adds nothing)',
    caller: 'user',
    body: true,
    ok: { 200: 'PolicyPutResult' },
  })
  @ApiBody({
    description:
      'A policy document (docs/policy.md), JSON or YAML (Content-Type: application/yaml)',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiConsumes('application/json', 'application/yaml')
  @ApiQuery({ name: 'activate', required: false, type: Boolean })
  async put(
    @CurrentUser() user: UserPrincipal,
    @Param('key') key: string,
    @Req() request: FastifyRequest,
    @Query('activate') activate?: string,
  ): Promise<{
    version: number;
    created: boolean;
    warnings: PolicyProblem[];
    pipeline: PipelineView;
  }> {
    if (activate !== undefined && activate !== 'true' && activate !== 'false') {
      throw new BadRequestException('activate must be true or false');
    }
    return this.admin.putVersion(key, this.policyBody(request), activate === 'true', 'api', {
      create: homeOf(user),
      scope: scopeOf(user),
    });
  }

  @Post(':key/check')
  @ApiContract({
    id: 'checkPolicy',
    summary: 'Check a policy as PUT would, without storing it',
    description:
      'Answers 200 whether or not the policy is valid: `valid`, and the problems and warnings, each with its line and column in the text (null for a JSON object body or where the text has no place for it).',
    caller: 'user',
    body: true,
    ok: { 200: 'PolicyCheck' },
  })
  @ApiBody({
    description: 'A policy document, JSON or YAML (Content-Type: application/yaml)',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiConsumes('application/json', 'application/yaml')
  @HttpCode(200)
  @InWorkspace('pipeline', 'key', 'create')
  check(@Param('key') key: string, @Req() request: FastifyRequest): Promise<PolicyCheckView> {
    return this.admin.check(key, this.policyBody(request));
  }

  @Get(':key')
  @ApiContract({
    id: 'getPipeline',
    summary: 'A pipeline: versions, active one, split',
    caller: 'user',
    ok: { 200: 'PipelineView' },
    errors: [404],
  })
  @InWorkspace('pipeline', 'key')
  get(@Param('key') key: string): Promise<PipelineView> {
    return this.admin.view(key);
  }

  @Post(':key/activate')
  @Audited('pipeline.activate', 'pipeline', 'key')
  @InWorkspace('pipeline', 'key')
  @ApiContract({
    id: 'activatePolicy',
    summary: 'Make a version the active one',
    caller: 'user',
    body: true,
    ok: { 200: 'PipelineView' },
    errors: [404, 409],
  })
  @HttpCode(200)
  activate(@Param('key') key: string, @Body() body: ActivateVersionDto): Promise<PipelineView> {
    return this.admin.activate(key, body.version);
  }

  @Post(':key/rollback')
  @Audited('pipeline.rollback', 'pipeline', 'key')
  @InWorkspace('pipeline', 'key')
  @ApiContract({
    id: 'rollbackPolicy',
    summary: 'Back to the previously active version',
    caller: 'user',
    ok: { 200: 'PipelineView' },
    errors: [404, 409],
  })
  @HttpCode(200)
  rollback(@Param('key') key: string): Promise<PipelineView> {
    return this.admin.rollback(key);
  }

  @Post(':key/split')
  @Audited('pipeline.split', 'pipeline', 'key')
  @InWorkspace('pipeline', 'key')
  @ApiContract({
    id: 'splitPolicy',
    summary: 'Send a share of new submissions to a version (0 ends it)',
    caller: 'user',
    body: true,
    ok: { 200: 'PipelineView' },
    errors: [404, 409],
  })
  @HttpCode(200)
  split(@Param('key') key: string, @Body() body: SplitDto): Promise<PipelineView> {
    return this.admin.split(key, body.version, body.percent);
  }

  private policyBody(request: FastifyRequest): PolicyBody {
    const type = request.headers['content-type'] ?? '';
    if (YAML_TYPES.test(type)) return { format: 'yaml', text: String(request.body ?? '') };
    if (/^application\/json\b/i.test(type)) return { format: 'object', value: request.body };
    throw new UnsupportedMediaTypeException(
      'Content-Type must be application/json or application/yaml',
    );
  }
}
