import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PromptsError, PromptsErrorCode } from '../prompts.errors';
import { PromptSplit } from '../resolve/ab-split';
import { PromptCache } from '../resolve/prompt-cache.service';
import {
  DEFAULT_ROLLBACK,
  LABEL_PATTERN,
  PROMPT_KEY_PATTERN,
  readPromptDocument,
  RollbackSettings,
  versionChecksum,
} from './prompt-document';
import { PromptRepository, PromptRow, PromptVersionRow } from './prompt.repository';

/** Who made a change and through what ("api", "file:<name>"). */
export interface Actor {
  name: string;
  source: string;
}

export interface PromptVersionSummary {
  id: string;
  version: number;
  languages: string[];
  author: string;
  source: string;
  notes: string | null;
  createdAt: Date;
}

export interface PromptView {
  key: string;
  description: string | null;
  labels: Record<
    string,
    { version: number; versionId: string; previousVersionId: string | null; updatedAt: Date }
  >;
  split: PromptSplit | null;
  rollback: RollbackSettings;
  versions: PromptVersionSummary[];
}

export interface PutVersionResult {
  created: boolean;
  version: PromptVersionRow;
  prompt: PromptView;
}

/** Creating versions, moving labels and splits: every change is recorded in prompt_events and announced to every replica. */
@Injectable()
export class PromptRegistry {
  constructor(
    private readonly prompts: PromptRepository,
    private readonly cache: PromptCache,
    private readonly db: DataSource,
  ) {}

  /** Adds a version (the same document again adds nothing) and points its `labels` at it when it is new. */
  async putVersion(
    key: string,
    raw: unknown,
    actor: Actor,
    workspace?: { create: string; scope: string | null },
  ): Promise<PutVersionResult> {
    checkKey(key);
    const { document, problems } = readPromptDocument(raw);
    if (!document)
      throw new PromptsError(
        PromptsErrorCode.InvalidDocument,
        `The prompt version is invalid: ${problems.map((p) => `${p.path || 'body'} ${p.message}`).join('; ')}`,
        problems,
      );
    const result = await this.db.transaction(async (tx) => {
      const prompt = await this.prompts.lockOrCreate(
        tx,
        key,
        document.description,
        document.rollback,
        workspace,
      );
      // Another workspace holds the key: to this caller, there is no such prompt.
      if (!prompt)
        throw new PromptsError(PromptsErrorCode.PromptNotFound, `Unknown prompt "${key}"`);
      const added = await this.prompts.addVersion(tx, prompt.id, {
        ...document,
        checksum: versionChecksum(document),
        author: actor.name,
        source: actor.source,
      });
      if (!added.created) return added;
      await this.prompts.record(tx, {
        promptId: prompt.id,
        kind: 'version_created',
        toVersionId: added.version.id,
        cause: `version ${added.version.version} added`,
        actor: actor.name,
      });
      // Labels move only with a new version: re-applying an unchanged file never undoes a rollback.
      for (const label of document.labels) {
        await this.prompts.moveLabel(tx, {
          promptId: prompt.id,
          kind: 'label_moved',
          label,
          toVersionId: added.version.id,
          cause: `set with version ${added.version.version}`,
          actor: actor.name,
        });
      }
      return added;
    });
    await this.cache.announce(key);
    return { ...result, prompt: await this.view(key) };
  }

  async view(key: string): Promise<PromptView> {
    const prompt = await this.find(key);
    const [labels, versions] = await Promise.all([
      this.prompts.labels(prompt.id),
      this.prompts.versions(prompt.id),
    ]);
    return {
      key: prompt.key,
      description: prompt.description,
      labels: Object.fromEntries(
        labels.map((l) => [
          l.label,
          {
            version: l.version,
            versionId: l.versionId,
            previousVersionId: l.previousVersionId,
            updatedAt: l.updatedAt,
          },
        ]),
      ),
      split: prompt.split,
      rollback: { ...DEFAULT_ROLLBACK, ...prompt.rollback },
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        languages: Object.keys(v.template.variants),
        author: v.author,
        source: v.source,
        notes: v.notes,
        createdAt: v.createdAt,
      })),
    };
  }

  /** The prompts of a workspace (null: of every workspace). */
  async list(
    workspaceId: string | null = null,
  ): Promise<{ key: string; description: string | null }[]> {
    return (await this.prompts.list(workspaceId)).map((p) => ({
      key: p.key,
      description: p.description,
    }));
  }

  async version(key: string, version: number): Promise<PromptVersionRow> {
    const prompt = await this.find(key);
    const row =
      Number.isInteger(version) && version >= 1 && version <= 1e9
        ? await this.prompts.version(prompt.id, version)
        : null;
    if (!row)
      throw new PromptsError(
        PromptsErrorCode.VersionNotFound,
        `Prompt "${key}" has no version ${version}`,
      );
    return row;
  }

  /** Points `label` at a version of this prompt, given by number or id. */
  async moveLabel(
    key: string,
    label: string,
    target: { version?: number; versionId?: string },
    reason: string,
    actor: Actor,
  ): Promise<PromptView> {
    if (!LABEL_PATTERN.test(label))
      throw invalid('label', 'must be a-z, 0-9, "_" or "-", starting with a letter');
    const prompt = await this.find(key);
    const version = await this.target(prompt, target);
    await this.db.transaction((tx) =>
      this.prompts.moveLabel(tx, {
        promptId: prompt.id,
        kind: 'label_moved',
        label,
        toVersionId: version.id,
        cause: reason,
        actor: actor.name,
      }),
    );
    await this.cache.announce(key);
    return this.view(key);
  }

  /** Sets the A/B split (labels or version numbers of this prompt); percent 0 ends it. */
  async setSplit(
    key: string,
    split: PromptSplit,
    reason: string,
    actor: Actor,
  ): Promise<PromptView> {
    const prompt = await this.find(key);
    const labels = new Set((await this.prompts.labels(prompt.id)).map((l) => l.label));
    const numbers = new Set((await this.prompts.versions(prompt.id)).map((v) => String(v.version)));
    for (const arm of ['a', 'b'] as const) {
      const ref = split[arm];
      if (!labels.has(ref) && !numbers.has(ref))
        throw invalid(arm, `"${ref}" is neither a label nor a version number of "${key}"`);
    }
    const value = split.percent > 0 ? split : null;
    await this.db.transaction(async (tx) => {
      await this.prompts.setSplit(tx, prompt.id, value);
      await this.prompts.record(tx, {
        promptId: prompt.id,
        kind: 'split_set',
        cause: value
          ? `${split.percent}% of units get ${split.b}, the rest ${split.a}: ${reason}`
          : `split ended: ${reason}`,
        figures: { percent: split.percent },
        actor: actor.name,
      });
    });
    await this.cache.announce(key);
    return this.view(key);
  }

  async history(key: string, limit: number) {
    return this.prompts.events((await this.find(key)).id, limit);
  }

  async find(key: string): Promise<PromptRow> {
    const prompt = PROMPT_KEY_PATTERN.test(key) ? await this.prompts.findByKey(key) : null;
    if (!prompt) throw new PromptsError(PromptsErrorCode.PromptNotFound, `Unknown prompt "${key}"`);
    return prompt;
  }

  private async target(
    prompt: PromptRow,
    target: { version?: number; versionId?: string },
  ): Promise<PromptVersionRow> {
    if (target.versionId !== undefined) {
      const row = await this.prompts.versionById(target.versionId);
      if (!row)
        throw new PromptsError(
          PromptsErrorCode.VersionNotFound,
          `No prompt version ${target.versionId}`,
          [{ path: 'versionId', message: 'no such version' }],
        );
      if (row.promptId !== prompt.id) {
        throw new PromptsError(
          PromptsErrorCode.VersionOfOtherPrompt,
          `versionId ${target.versionId} is a version of another prompt, not of "${prompt.key}"`,
          [
            {
              path: 'versionId',
              message: `is a version of another prompt, not of "${prompt.key}"`,
            },
          ],
        );
      }
      return row;
    }
    if (target.version === undefined) throw invalid('version', 'version or versionId is required');
    const row = await this.prompts.version(prompt.id, target.version);
    if (!row)
      throw new PromptsError(
        PromptsErrorCode.VersionNotFound,
        `Prompt "${prompt.key}" has no version ${target.version}`,
        [{ path: 'version', message: 'no such version' }],
      );
    return row;
  }
}

function checkKey(key: string): void {
  if (!PROMPT_KEY_PATTERN.test(key))
    throw invalid('key', 'a prompt key is a-z, 0-9 and "-", at most 63 characters');
}

function invalid(path: string, message: string): PromptsError {
  return new PromptsError(PromptsErrorCode.InvalidDocument, `${path} ${message}`, [
    { path, message },
  ]);
}
