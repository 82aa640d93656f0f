import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import { ResolvePromptDto } from '@arbiter/contracts';
import { ResolvedPrompt, ResolvePrompt } from '@arbiter/prompts';
import { ApiContract } from '../common/api-contract.decorator';
import { RequireJsonGuard } from '../common/require-json.guard';

/** What a generating service calls before it calls its LLM; served from memory. */
@ApiTags('prompts')
@UseGuards(ApiKeyGuard)
@Controller('v1/prompts')
export class PromptResolveController {
  constructor(private readonly resolve: ResolvePrompt) {}

  @Post(':key/resolve')
  @HttpCode(200)
  @UseGuards(RequireJsonGuard)
  @ApiContract({
    id: 'resolvePrompt',
    summary:
      "The rendered messages and the version id to send back as the submission's promptVersion",
    description:
      'Serves the `label` asked, else the A/B arm of `unit` (sticky), else `production`, else `fallback` (flagged). A known language without a variant gets the default one (`languageFallback: true`).',
    caller: 'apiKey',
    body: true,
    ok: { 200: 'ResolvedPrompt' },
    errors: [404, 409, 422],
  })
  execute(
    @CurrentClient() client: ClientPrincipal,
    @Param('key') key: string,
    @Body() body: ResolvePromptDto,
  ): Promise<ResolvedPrompt> {
    // The client's workspace: another workspace's prompt is an unknown one.
    return this.resolve.execute(key, body, client.workspaceId);
  }
}
