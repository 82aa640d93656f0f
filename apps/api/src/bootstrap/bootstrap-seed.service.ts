import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { hashApiKey, hashPassword, AccountRepository, WorkspaceRepository } from '@arbiter/auth';
import { DEFAULT_WORKSPACE_ID, deterministicUuid } from '@arbiter/persistence';
import { randomUUID } from 'node:crypto';

/**
 * Seeds the first API key (allowed on every pipeline of the default workspace) and the first
 * (platform) admin on an empty database, from ARBITER_BOOTSTRAP_*; a database that already has
 * clients or users is left alone.
 */
@Injectable()
export class BootstrapSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapSeed.name);

  constructor(
    private readonly accounts: AccountRepository,
    private readonly workspaces: WorkspaceRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { apiKey, adminEmail, adminPassword } = this.config.bootstrap;
    await this.workspaces.ensureDefault();
    if (apiKey && (await this.accounts.countClients()) === 0) {
      // The bootstrap client's id follows from its key: every replica (and a re-seed) agrees on it.
      const clientId = deterministicUuid(`client:${hashApiKey(apiKey)}`);
      await ignoreDuplicate(async () => {
        await this.accounts.createClient({
          id: clientId,
          name: 'bootstrap',
          allowedPipelines: null,
          workspaceId: DEFAULT_WORKSPACE_ID,
        });
        await this.accounts.createApiKey({
          id: randomUUID(),
          clientId,
          name: 'bootstrap',
          keyPrefix: apiKey.slice(0, 10),
          keyHash: hashApiKey(apiKey),
        });
        this.logger.log('seeded the bootstrap client and API key');
      });
    }
    if (adminEmail && adminPassword && (await this.accounts.countUsers()) === 0) {
      const passwordHash = await hashPassword(adminPassword);
      await ignoreDuplicate(async () => {
        await this.accounts.createUser({
          id: randomUUID(),
          email: adminEmail,
          passwordHash,
          role: 'admin',
        });
        this.logger.log(`seeded admin ${adminEmail}`);
      });
    }
  }
}

// Two replicas booting at once both see an empty table; the loser's unique violation is fine.
async function ignoreDuplicate(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
  }
}
