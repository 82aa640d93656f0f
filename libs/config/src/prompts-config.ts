import { Env, envInt } from './env-int';
/** The prompt registry and its automatic rollback (see libs/prompts, docs/prompts.md). */
export interface PromptsConfig {
  /** A folder of <key>.yaml prompt files applied at start (like ARBITER_PIPELINES_DIR). */
  dir?: string;
  /** How often the worker compares each prompt's production version with the one before it. */
  watchEveryMs: number;
  /**
   * How long a replica serves a resolved prompt from memory without news from Redis. Changes are
   * announced on pub/sub at once; this bounds staleness when an announcement is missed.
   */
  cacheTtlMs: number;
}

/** Datasets and regression runs (see libs/datasets, docs/prompts.md). */
export interface DatasetsConfig {
  /** How often datasets with rules ("every edit in queue X") collect newly decided items. */
  collectEveryMs: number;
  /** How often each dataset with `schedule: daily` gets a regression run. */
  regressionEveryMs: number;
  /** How often recent traffic is checked for a model version never seen before in its pipeline. */
  modelWatchEveryMs: number;
  /** Generator calls in flight at once within one regression run. */
  itemConcurrency: number;
  /**
   * Items a run reads from the dataset at once (and results its summary reads at once): its
   * memory holds a page, not the dataset.
   */
  itemPageSize: number;
  /**
   * Times a run is put back on its queue after its worker died or its job was lost; after
   * that it is failed with the reason (a run that kills its worker must not loop forever).
   */
  maxRunResumes: number;
}

/** Reads ARBITER_PROMPTS_* ; each problem names its variable. */
export function readPromptsConfig(env: Env, problems: string[]): PromptsConfig {
  const dir = env.ARBITER_PROMPTS_DIR;
  return {
    dir: dir === undefined || dir === '' ? undefined : dir,
    watchEveryMs: envInt(env, 'ARBITER_PROMPT_WATCH_EVERY_MS', 60_000, 200, 86_400_000, problems),
    cacheTtlMs: envInt(env, 'ARBITER_PROMPT_CACHE_TTL_MS', 60_000, 0, 3_600_000, problems),
  };
}

/** Reads ARBITER_DATASET_* and ARBITER_REGRESSION_*; each problem names its variable. */
export function readDatasetsConfig(env: Env, problems: string[]): DatasetsConfig {
  return {
    collectEveryMs: envInt(
      env,
      'ARBITER_DATASET_COLLECT_EVERY_MS',
      300_000,
      200,
      86_400_000,
      problems,
    ),
    regressionEveryMs: envInt(
      env,
      'ARBITER_REGRESSION_EVERY_MS',
      86_400_000,
      1000,
      30 * 86_400_000,
      problems,
    ),
    modelWatchEveryMs: envInt(
      env,
      'ARBITER_MODEL_WATCH_EVERY_MS',
      60_000,
      200,
      86_400_000,
      problems,
    ),
    itemConcurrency: envInt(env, 'ARBITER_REGRESSION_CONCURRENCY', 8, 1, 256, problems),
    itemPageSize: envInt(env, 'ARBITER_REGRESSION_PAGE_SIZE', 500, 1, 10_000, problems),
    maxRunResumes: envInt(env, 'ARBITER_REGRESSION_MAX_RESUMES', 3, 0, 100, problems),
  };
}
