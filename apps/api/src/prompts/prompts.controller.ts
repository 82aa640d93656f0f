import { Body, Controller, Get, HttpCode, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentUser, homeOf, Roles, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import {
  LimitQueryDto,
  MoveLabelDto,
  PromptDiffQueryDto,
  PromptSplitDto,
} from '@arbiter/contracts';
import { diffVersions, PromptQualityReport, PromptRegistry } from '@arbiter/prompts';
import { ApiContract } from '../common/api-contract.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';
import { Audited } from '../audit/audited.decorator';
import { RequireJsonGuard } from '../common/require-json.guard';
import { versionParam } from '../common/version-param.pipe';
import { versionView } from './prompt-views';

const actor = (user: UserPrincipal) => ({ name: `user:${user.userId}`, source: 'api' });

/**
 * The prompt registry for people, per workspace: admins write versions, labels and splits;
 * leads read. Prompt keys are unique across workspaces.
 */
@ApiTags('prompts')
@UseGuards(UserAuthGuard)
@Controller('v1/prompts')
export class PromptsController {
  constructor(
    private readonly registry: PromptRegistry,
    private readonly quality: PromptQualityReport,
  ) {}

  @Get()
  @Roles('lead')
  @ApiContract({
    id: 'listPrompts',
    summary: 'Every prompt of the workspace',
    caller: 'user',
    ok: { 200: 'PromptList' },
  })
  async list(@CurrentUser() user: UserPrincipal) {
    return { prompts: await this.registry.list(scopeOf(user)) };
  }

  @Put(':key')
  @InWorkspace('prompt', 'key', 'create')
  @Audited('prompt.put', 'prompt', 'key')
  @Roles('admin')
  @UseGuards(RequireJsonGuard)
  @ApiContract({
    id: 'putPromptVersion',
    summary: 'Add a prompt version (the same document again adds nothing); its `labels` move to it',
    caller: 'user',
    body: true,
    ok: { 200: 'PromptPutResult' },
  })
  @ApiBody({
    description: 'A prompt version (docs/prompts.md): template, variables, model, notes, labels',
    schema: { type: 'object', additionalProperties: true },
  })
  async put(@Param('key') key: string, @Body() body: unknown, @CurrentUser() user: UserPrincipal) {
    const result = await this.registry.putVersion(key, body, actor(user), {
      create: homeOf(user),
      scope: scopeOf(user),
    });
    return {
      created: result.created,
      version: versionView(key, result.version),
      prompt: result.prompt,
    };
  }

  @Get(':key')
  @InWorkspace('prompt', 'key')
  @Roles('lead')
  @ApiContract({
    id: 'getPrompt',
    summary: 'A prompt: versions, labels, split, rollback limits',
    caller: 'user',
    ok: { 200: 'PromptView' },
    errors: [404],
  })
  get(@Param('key') key: string) {
    return this.registry.view(key);
  }

  @Get(':key/versions/:version')
  @InWorkspace('prompt', 'key')
  @Roles('lead')
  @ApiContract({
    id: 'getPromptVersion',
    summary: 'One version in full',
    caller: 'user',
    ok: { 200: 'PromptVersionView' },
    errors: [404],
  })
  async version(@Param('key') key: string, @Param('version', versionParam) version: number) {
    return versionView(key, await this.registry.version(key, version));
  }

  @Get(':key/diff')
  @InWorkspace('prompt', 'key')
  @Roles('lead')
  @ApiContract({
    id: 'diffPromptVersions',
    summary: 'Two versions as unified diffs per language, partials, variables and model',
    caller: 'user',
    ok: { 200: 'PromptDiff' },
    errors: [404],
  })
  async diff(@Param('key') key: string, @Query() query: PromptDiffQueryDto) {
    return diffVersions(
      await this.registry.version(key, query.from),
      await this.registry.version(key, query.to),
    );
  }

  @Put(':key/labels/:label')
  @InWorkspace('prompt', 'key')
  @Audited('prompt.label', 'prompt', 'key')
  @Roles('admin')
  @HttpCode(200)
  @ApiContract({
    id: 'movePromptLabel',
    summary: 'Point a label (production, staging, fallback, …) at a version of this prompt',
    caller: 'user',
    body: true,
    ok: { 200: 'PromptView' },
    errors: [404, 422],
  })
  move(
    @Param('key') key: string,
    @Param('label') label: string,
    @Body() body: MoveLabelDto,
    @CurrentUser() user: UserPrincipal,
  ) {
    return this.registry.moveLabel(key, label, body, body.reason ?? 'moved by hand', actor(user));
  }

  @Put(':key/split')
  @InWorkspace('prompt', 'key')
  @Audited('prompt.split', 'prompt', 'key')
  @Roles('admin')
  @ApiContract({
    id: 'splitPrompt',
    summary: 'A/B: percent % of units get b (sticky per unit); 0 ends it',
    caller: 'user',
    body: true,
    ok: { 200: 'PromptView' },
    errors: [404],
  })
  split(
    @Param('key') key: string,
    @Body() body: PromptSplitDto,
    @CurrentUser() user: UserPrincipal,
  ) {
    return this.registry.setSplit(
      key,
      { a: body.a, b: body.b, percent: body.percent },
      body.reason ?? 'set by hand',
      actor(user),
    );
  }

  @Get(':key/quality')
  @InWorkspace('prompt', 'key')
  @Roles('lead')
  @ApiContract({
    id: 'getPromptQuality',
    summary: 'Per version: automation, human rejects, audited error, confidence; the A/B test',
    caller: 'user',
    ok: { 200: 'PromptQuality' },
    errors: [404],
  })
  async qualityOf(@Param('key') key: string) {
    return this.quality.execute(await this.registry.find(key));
  }

  @Get(':key/history')
  @InWorkspace('prompt', 'key')
  @Roles('lead')
  @ApiContract({
    id: 'getPromptHistory',
    summary: 'Versions added, labels moved, splits and automatic rollbacks, newest first',
    caller: 'user',
    ok: { 200: 'PromptHistory' },
    errors: [404],
  })
  async history(@Param('key') key: string, @Query() query: LimitQueryDto) {
    return { events: await this.registry.history(key, query.limit ?? 100) };
  }
}
