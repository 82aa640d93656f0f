import { Injectable } from '@nestjs/common';
import { PromptsError, PromptsErrorCode } from '../prompts.errors';
import { isKnownLanguage, variantFor } from '../registry/language-codes';
import { checkVariables, PromptModelSettings } from '../registry/prompt-document';
import { PromptMessage, renderMessages } from '../registry/prompt-template';
import { PromptVersionRow } from '../registry/prompt.repository';
import { armFor } from './ab-split';
import { CachedPrompt, PromptCache } from './prompt-cache.service';

export interface ResolveRequest {
  variables?: Record<string, unknown>;
  language?: string;
  /** Who the split is sticky for: a user, a conversation. */
  unit?: string;
  /** Serve this label instead of production (or the split). */
  label?: string;
}

export interface ResolvedPrompt {
  prompt: string;
  /** Send this back as the submission's promptVersion: quality and rollback are counted per version id. */
  versionId: string;
  version: number;
  /** The label served (null when a split arm names a version number). */
  label: string | null;
  /** The A/B arm, when a split is set. */
  arm: 'a' | 'b' | null;
  /** True when production was missing and the fallback label was served. */
  fallback: boolean;
  language: string;
  /** True when the version has no variant for the asked language and its default one was served. */
  languageFallback: boolean;
  messages: PromptMessage[];
  model: PromptModelSettings;
}

/** Renders a prompt for a generating service: label or sticky A/B arm, language variant, variables checked. */
@Injectable()
export class ResolvePrompt {
  constructor(private readonly cache: PromptCache) {}

  /** Of the caller's workspace when given one: another workspace's prompt is unknown (from memory, no round trip). */
  async execute(
    key: string,
    request: ResolveRequest,
    workspaceId: string | null = null,
  ): Promise<ResolvedPrompt> {
    const found = await this.cache.get(key);
    const cached =
      found && (workspaceId === null || found.prompt.workspaceId === workspaceId) ? found : null;
    if (!cached) throw new PromptsError(PromptsErrorCode.PromptNotFound, `Unknown prompt "${key}"`);
    const choice = this.choose(cached, request);
    const { version } = choice;
    const asked = request.language ?? version.template.defaultLanguage;
    if (!isKnownLanguage(asked)) {
      throw new PromptsError(
        PromptsErrorCode.UnknownLanguage,
        `language "${asked}" is not a known language code`,
        [
          {
            path: 'language',
            message: `"${asked}" is not a known language code (e.g. en, ms, th)`,
          },
        ],
      );
    }
    const variant = variantFor(asked, Object.keys(version.template.variants));
    const language = variant ?? version.template.defaultLanguage;
    const problems = checkVariables(version.id, version.variables, request.variables ?? {});
    if (problems.length)
      throw new PromptsError(
        PromptsErrorCode.InvalidVariables,
        `variables do not match version ${version.version} of "${key}": ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        problems,
      );
    let messages: PromptMessage[];
    try {
      messages = renderMessages(
        version.template.variants[language],
        request.variables ?? {},
        version.template.partials,
      );
    } catch (error) {
      throw new PromptsError(
        PromptsErrorCode.RenderFailed,
        `version ${version.version} of "${key}" could not be rendered with these variables: ${(error as Error).message}`,
        [{ path: 'variables', message: (error as Error).message }],
      );
    }
    return {
      prompt: key,
      versionId: version.id,
      version: version.version,
      label: choice.label,
      arm: choice.arm,
      fallback: choice.fallback,
      language,
      languageFallback: variant === null,
      messages,
      model: version.model,
    };
  }

  private choose(
    cached: CachedPrompt,
    request: ResolveRequest,
  ): { version: PromptVersionRow; label: string | null; arm: 'a' | 'b' | null; fallback: boolean } {
    const key = cached.prompt.key;
    if (request.label !== undefined) {
      const row = cached.labels.get(request.label);
      const version = row && cached.versionsById.get(row.versionId);
      if (!version)
        throw new PromptsError(
          PromptsErrorCode.LabelNotFound,
          `Prompt "${key}" has no label "${request.label}"`,
          [{ path: 'label', message: `"${request.label}" is not a label of "${key}"` }],
        );
      return { version, label: request.label, arm: null, fallback: false };
    }
    const split = cached.prompt.split;
    if (split && split.percent > 0) {
      // Without a unit there is nothing to be sticky for: the caller gets arm a, the control.
      const arm = request.unit === undefined ? 'a' : armFor(key, request.unit, split);
      const ref = arm === 'a' ? split.a : split.b;
      const served = this.byRef(cached, ref);
      if (served) return { ...served, arm, fallback: false };
    }
    const production = this.byRef(cached, 'production');
    if (production) return { ...production, arm: null, fallback: false };
    const fallback = this.byRef(cached, 'fallback');
    if (fallback) return { ...fallback, arm: null, fallback: true };
    throw new PromptsError(
      PromptsErrorCode.NothingToServe,
      `Prompt "${key}" has neither a production nor a fallback label`,
    );
  }

  /** A split arm or label: a label name, or a version number written as digits. */
  private byRef(
    cached: CachedPrompt,
    ref: string,
  ): { version: PromptVersionRow; label: string | null } | null {
    if (/^\d+$/.test(ref)) {
      const version = cached.versionsByNumber.get(Number(ref));
      return version ? { version, label: null } : null;
    }
    const row = cached.labels.get(ref);
    const version = row && cached.versionsById.get(row.versionId);
    return version ? { version, label: ref } : null;
  }
}
