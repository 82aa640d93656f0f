import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import {
  RotateWebhookSecretDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointView,
} from '@arbiter/contracts';
import { RequireJsonGuard } from '../common/require-json.guard';
import { WebhookEndpointSettings } from '@arbiter/delivery';
import { ApiContract } from '../common/api-contract.decorator';
import { Audited } from '../audit/audited.decorator';
import { CALLING_CLIENT } from '../audit/audit.interceptor';

@ApiTags('webhooks')
@UseGuards(ApiKeyGuard)
@Controller('v1/webhook')
export class WebhookEndpointController {
  constructor(private readonly settings: WebhookEndpointSettings) {}

  @Get()
  @ApiContract({
    id: 'getWebhookEndpoint',
    summary: 'My default webhook endpoint and signing secrets',
    caller: 'apiKey',
    ok: { 200: 'WebhookEndpoint' },
  })
  get(@CurrentClient() client: ClientPrincipal): Promise<WebhookEndpointView> {
    return this.settings.view(client.clientId);
  }

  @Put()
  @Audited('webhook.update', 'webhook', CALLING_CLIENT)
  @ApiContract({
    id: 'putWebhookEndpoint',
    summary: 'Set or remove my default webhook endpoint',
    caller: 'apiKey',
    body: true,
    ok: { 200: 'WebhookEndpoint' },
  })
  @UseGuards(RequireJsonGuard)
  put(
    @CurrentClient() client: ClientPrincipal,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointView> {
    return this.settings.update(client.clientId, body);
  }

  @Post('secrets/rotate')
  @Audited('webhook.rotate-secret', 'webhook', CALLING_CLIENT)
  @ApiContract({
    id: 'rotateWebhookSecret',
    summary: 'A new signing secret; the old one signs too until it expires',
    caller: 'apiKey',
    body: true,
    ok: { 200: 'WebhookEndpoint' },
  })
  @HttpCode(200)
  rotate(
    @CurrentClient() client: ClientPrincipal,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<WebhookEndpointView> {
    return this.settings.rotate(client.clientId, body?.overlapSeconds);
  }
}
