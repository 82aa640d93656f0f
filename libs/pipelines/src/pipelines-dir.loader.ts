import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PipelineAdmin } from './pipeline-admin.use-case';

/**
 * Applies every *.yaml in ARBITER_PIPELINES_DIR at start, as PUT ?activate=true would: a changed
 * file becomes the new active version, an unchanged one adds nothing. An invalid file stops the
 * boot with its problems, rather than serving with a policy other than the one in git.
 */
@Injectable()
export class PipelinesDirLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(PipelinesDirLoader.name);

  constructor(
    private readonly admin: PipelineAdmin,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const dir = this.config.pipelinesDir;
    if (!dir) return;
    const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
    for (const file of files) {
      const key = basename(file).replace(/\.ya?ml$/, '');
      const text = await readFile(join(dir, file), 'utf8');
      try {
        const result = await this.admin.putVersion(
          key,
          { format: 'yaml', text },
          true,
          `file:${file}`,
        );
        this.logger.log(
          `${file}: pipeline "${key}" v${result.version}${result.created ? ' added' : ' unchanged'}`,
        );
        for (const w of result.warnings) this.logger.warn(`${file}: ${w.path}: ${w.message}`);
      } catch (error) {
        const detail = (error as { getResponse?: () => { message?: string } }).getResponse?.()
          .message;
        throw new Error(`${join(dir, file)}: ${detail ?? (error as Error).message}`);
      }
    }
  }
}
