import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { PromptRegistry, PromptsError } from '@arbiter/prompts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Applies every <key>.yaml in ARBITER_PROMPTS_DIR at start, as PUT /v1/prompts/:key would: a
 * changed file adds a version and moves its `labels` to it; an unchanged one adds nothing and
 * moves nothing (so a restart never undoes an automatic rollback). An invalid file stops the
 * boot with its problems, rather than serving prompts other than the ones in git.
 */
@Injectable()
export class PromptsDirLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(PromptsDirLoader.name);

  constructor(
    private readonly registry: PromptRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const dir = this.config.prompts.dir;
    if (!dir) return;
    const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
    for (const file of files) {
      const key = file.replace(/\.ya?ml$/, '');
      try {
        const document: unknown = parse(await readFile(join(dir, file), 'utf8'));
        const result = await this.registry.putVersion(key, document, {
          name: `file:${file}`,
          source: `file:${file}`,
        });
        this.logger.log(
          `${file}: prompt "${key}" v${result.version.version}${result.created ? ' added' : ' unchanged'}`,
        );
      } catch (error) {
        const problems =
          error instanceof PromptsError && error.problems?.length
            ? error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')
            : (error as Error).message;
        throw new Error(`${join(dir, file)}: ${problems}`);
      }
    }
  }
}
