import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, ClientPrincipal, CurrentClient } from '@arbiter/auth';
import {
  RotateWebhookSecretDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointView,
} from '@arbiter/contracts';
import { RequireJsonGuard } from '../common/require-json.guard';
import { WebhookEndpointSettings } from './webhook-endpoint.use-case';

@ApiTags('webhooks')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/webhook')
export class WebhookEndpointController {
  constructor(private readonly settings: WebhookEndpointSettings) {}

  @Get()
  get(@CurrentClient() client: ClientPrincipal): Promise<WebhookEndpointView> {
    return this.settings.view(client.clientId);
  }

  @Put()
  @UseGuards(RequireJsonGuard)
  put(
    @CurrentClient() client: ClientPrincipal,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointView> {
    return this.settings.update(client.clientId, body);
  }

  @Post('secrets/rotate')
  @HttpCode(200)
  rotate(
    @CurrentClient() client: ClientPrincipal,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<WebhookEndpointView> {
    return this.settings.rotate(client.clientId, body?.overlapSeconds);
  }
}
