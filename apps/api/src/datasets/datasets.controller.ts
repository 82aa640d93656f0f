import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, scopeOf, UserAuthGuard, UserPrincipal } from '@arbiter/auth';
import {
  AddDatasetItemsDto,
  CreateDatasetDto,
  DatasetPageQueryDto,
  DatasetsQueryDto,
} from '@arbiter/contracts';
import { Datasets } from '@arbiter/datasets';
import { ApiContract } from '../common/api-contract.decorator';
import { InWorkspace } from '../workspaces/in-workspace.decorator';
import { Audited, AuditedExport } from '../audit/audited.decorator';
import { uuidParam } from '../common/uuid-param.pipe';
import { datasetView, itemView } from './dataset-views';

/** Datasets built from reviewers' decisions, of the workspace's pipelines (leads and admins). */
@ApiTags('datasets')
@UseGuards(UserAuthGuard)
@Roles('lead')
@Controller('v1/datasets')
export class DatasetsController {
  constructor(private readonly datasets: Datasets) {}

  @Post()
  @Audited('dataset.create', 'dataset')
  @ApiContract({
    id: 'createDataset',
    summary: "A dataset of one pipeline and client's decided items, optionally filled by rules",
    caller: 'user',
    body: true,
    ok: { 201: 'DatasetView' },
    errors: [409],
  })
  async create(@CurrentUser() user: UserPrincipal, @Body() body: CreateDatasetDto) {
    return datasetView(await this.datasets.create(body, scopeOf(user)));
  }

  @Get()
  @ApiContract({
    id: 'listDatasets',
    summary: 'Datasets, of one pipeline when asked',
    caller: 'user',
    ok: { 200: 'DatasetList' },
  })
  async list(@CurrentUser() user: UserPrincipal, @Query() query: DatasetsQueryDto) {
    return {
      datasets: (await this.datasets.list(query.pipeline, scopeOf(user))).map(datasetView),
    };
  }

  @Get(':id')
  @InWorkspace('dataset', 'id')
  @ApiContract({
    id: 'getDataset',
    summary: 'A dataset',
    caller: 'user',
    ok: { 200: 'DatasetView' },
    errors: [404],
  })
  async get(@Param('id', uuidParam) id: string) {
    return datasetView(await this.datasets.get(id));
  }

  @Get(':id/items')
  @InWorkspace('dataset', 'id')
  @ApiContract({
    id: 'listDatasetItems',
    summary:
      'Its items (input, output, verdict, corrected output, reasons), oldest first; paged by cursor',
    caller: 'user',
    ok: { 200: 'DatasetItemList' },
    errors: [404],
  })
  async items(@Param('id', uuidParam) id: string, @Query() query: DatasetPageQueryDto) {
    const page = await this.datasets.listItems(id, query.cursor, query.limit);
    return { items: page.items.map(itemView), nextCursor: page.nextCursor };
  }

  @Post(':id/items')
  @InWorkspace('dataset', 'id')
  @Audited('dataset.add-items', 'dataset', 'id')
  @HttpCode(200)
  @ApiContract({
    id: 'addDatasetItems',
    summary: "Add submissions decided by people (of the dataset's pipeline and client)",
    caller: 'user',
    body: true,
    ok: { 200: 'DatasetItemsAdded' },
    errors: [404, 422],
  })
  async add(@Param('id', uuidParam) id: string, @Body() body: AddDatasetItemsDto) {
    const { added, dataset } = await this.datasets.addItems(id, body.submissionIds);
    return { added, dataset: datasetView(dataset) };
  }

  @Post(':id/collect')
  @InWorkspace('dataset', 'id')
  @Audited('dataset.collect', 'dataset', 'id')
  @HttpCode(200)
  @ApiContract({
    id: 'collectDatasetItems',
    summary:
      "Apply the dataset's rules now (the worker also does, every ARBITER_DATASET_COLLECT_EVERY_MS)",
    caller: 'user',
    ok: { 200: 'DatasetItemsAdded' },
    errors: [404],
  })
  async collect(@Param('id', uuidParam) id: string) {
    const added = await this.datasets.collect(await this.datasets.get(id));
    return { added, dataset: datasetView(await this.datasets.get(id)) };
  }

  @Delete(':id/items/:itemId')
  @InWorkspace('dataset', 'id')
  @Audited('dataset.remove-item', 'dataset', 'id')
  @HttpCode(204)
  @ApiContract({
    id: 'removeDatasetItem',
    summary: 'Remove an item (a rule will not take it in again)',
    caller: 'user',
    ok: { 204: null },
    errors: [404],
  })
  async remove(
    @Param('id', uuidParam) id: string,
    @Param('itemId', uuidParam) itemId: string,
  ): Promise<void> {
    await this.datasets.removeItem(id, itemId);
  }

  @Get(':id/export')
  @InWorkspace('dataset', 'id')
  @AuditedExport('dataset.export', 'dataset', 'id')
  @ApiContract({
    id: 'exportDataset',
    summary:
      'The items as JSON Lines (input, output, verdict, correctedOutput, reasons), for evaluation or fine-tuning',
    caller: 'user',
    ok: {},
    errors: [404],
  })
  @ApiResponse({
    status: 200,
    description: 'One JSON object per line',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  // No content-type header here: it would label a 400 or 404 as JSON Lines too; the stream sets its own.
  @Header('cache-control', 'no-store')
  async export(@Param('id', uuidParam) id: string): Promise<StreamableFile> {
    // Awaited before the stream is made: an unknown dataset is a 404, not a cut-off 200.
    const pages = await this.datasets.exportJsonl(id);
    return new StreamableFile(Readable.from(pages, { objectMode: false }), {
      type: 'application/x-ndjson; charset=utf-8',
    });
  }
}
