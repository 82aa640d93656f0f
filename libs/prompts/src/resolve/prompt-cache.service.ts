import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { createRedisConnection, QueueProducer, RedisClient } from '@arbiter/queue';
import { PROMPT_KEY_PATTERN } from '../registry/prompt-document';
import {
  PromptLabelRow,
  PromptRepository,
  PromptRow,
  PromptVersionRow,
} from '../registry/prompt.repository';

/** What resolve needs of one prompt, read in one go and served from memory. */
export interface CachedPrompt {
  prompt: PromptRow;
  labels: Map<string, PromptLabelRow>;
  versionsById: Map<string, PromptVersionRow>;
  versionsByNumber: Map<number, PromptVersionRow>;
}

const SUBSCRIBE_WAIT_MS = 1000;

interface Entry {
  value: Promise<CachedPrompt | null>;
  expires: number;
}

/** The Redis channel on which any process announces that a prompt changed (a label moved, a version was added). */
export function promptsChangedChannel(prefix: string): string {
  return `${prefix}:prompts-changed`;
}

/**
 * Prompts by key, in process memory, so resolving costs no database round trip. A change made by
 * any replica or worker is announced on Redis pub/sub and every replica forgets that key at once;
 * pub/sub is at-most-once, so entries also expire after ARBITER_PROMPT_CACHE_TTL_MS in case an
 * announcement is missed (e.g. while the subscriber reconnects).
 */
@Injectable()
export class PromptCache implements OnModuleDestroy {
  private readonly logger = new Logger(PromptCache.name);
  private readonly entries = new Map<string, Entry>();
  private subscriber?: RedisClient;
  private subscribed?: Promise<void>;

  constructor(
    private readonly prompts: PromptRepository,
    private readonly producer: QueueProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(key: string): Promise<CachedPrompt | null> {
    // Redis down: serve anyway (from the database, then memory) rather than hang; the TTL bounds staleness.
    await Promise.race([
      this.subscribe(),
      new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref()),
    ]);
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (!PROMPT_KEY_PATTERN.test(key)) return null;
    const value = this.load(key);
    this.entries.set(key, { value, expires: now + this.config.prompts.cacheTtlMs });
    // A failed read, or a key that does not exist, is not kept: callers cannot fill memory with made-up keys.
    value
      .then((found) => found === null && this.entries.delete(key))
      .catch(() => this.entries.delete(key));
    return value;
  }

  /** Forgets a key here and tells every other process to forget it too. */
  async announce(key: string): Promise<void> {
    this.entries.delete(key);
    try {
      await this.producer.connection.publish(promptsChangedChannel(this.config.redisPrefix), key);
    } catch (error) {
      this.logger.warn(
        `prompt change of "${key}" not announced (other replicas catch up within the cache TTL): ${(error as Error).message}`,
      );
    }
  }

  /** Forgets everything (tests reset the database under it). */
  clear(): void {
    this.entries.clear();
  }

  // Subscribed before the first read, so no announcement can slip between a read and the subscription.
  private subscribe(): Promise<void> {
    if (!this.subscribed) {
      const subscriber = createRedisConnection(this.config, 'subscriber');
      this.subscriber = subscriber;
      subscriber.on('error', (error) =>
        this.logger.warn(`prompt cache subscriber: ${error.message}`),
      );
      subscriber.on('message', (_channel: string, key: string) => this.entries.delete(key));
      // After a reconnect the subscription is restored, but announcements made meanwhile are lost.
      subscriber.on('ready', () => this.entries.clear());
      this.subscribed = subscriber.subscribe(promptsChangedChannel(this.config.redisPrefix)).then(
        () => undefined,
        (error: Error) =>
          this.logger.warn(`prompt cache not subscribed (entries expire by TTL): ${error.message}`),
      );
    }
    return this.subscribed;
  }

  private async load(key: string): Promise<CachedPrompt | null> {
    const prompt = await this.prompts.findByKey(key);
    if (!prompt) return null;
    const [labels, versions] = await Promise.all([
      this.prompts.labels(prompt.id),
      this.prompts.versions(prompt.id),
    ]);
    return {
      prompt,
      labels: new Map(labels.map((l) => [l.label, l])),
      versionsById: new Map(versions.map((v) => [v.id, v])),
      versionsByNumber: new Map(versions.map((v) => [v.version, v])),
    };
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }
}
