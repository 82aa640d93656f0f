import { Injectable } from '@nestjs/common';
import { EscapedErrorEstimate, estimateEscapedErrors } from '@arbiter/oversight';
import { PromptRepository, PromptRow } from '../registry/prompt.repository';
import { suggestedWinner } from './ab-test';
import { PromptQualityRepository } from './prompt-quality.repository';

/** Confidence bound of the audited error (one-sided, 95 %). */
const AUDIT_DELTA = 0.05;

export interface VersionQuality {
  versionId: string;
  version: number;
  labels: string[];
  submissions: number;
  decided: number;
  automationRate: number | null;
  humanDecided: number;
  humanRejectRate: number | null;
  auditedError: EscapedErrorEstimate;
  confidence: {
    mean: number | null;
    p10: number | null;
    p50: number | null;
    p90: number | null;
    histogram: number[];
  };
}

/** A version's figures with the raw reject count the rules need. */
export type VersionFigures = Omit<VersionQuality, 'version' | 'labels'> & { humanRejected: number };

export interface PromptQuality {
  prompt: string;
  versions: VersionQuality[];
  /** The split's arms compared on human reject rate, when a split is set. */
  abTest: {
    a: { ref: string; versionId: string | null };
    b: { ref: string; versionId: string | null };
    pValue: number | null;
    z: number | null;
    suggestedWinner: 'a' | 'b' | null;
  } | null;
}

/** Quality per prompt version, from the submissions that were resolved to it and their audits. */
@Injectable()
export class PromptQualityReport {
  constructor(
    private readonly prompts: PromptRepository,
    private readonly quality: PromptQualityRepository,
  ) {}

  async execute(prompt: PromptRow): Promise<PromptQuality> {
    const [versions, labels] = await Promise.all([
      this.prompts.versions(prompt.id),
      this.prompts.labels(prompt.id),
    ]);
    const figures = await this.evidence(versions.map((v) => v.id));
    const list = versions.map((v) => {
      const { humanRejected: _r, ...shown } = figures.get(v.id) as VersionFigures;
      return {
        ...shown,
        version: v.version,
        labels: labels.filter((l) => l.versionId === v.id).map((l) => l.label),
      };
    });
    let abTest: PromptQuality['abTest'] = null;
    if (prompt.split) {
      const idOf = (ref: string) =>
        (/^\d+$/.test(ref)
          ? versions.find((v) => v.version === Number(ref))?.id
          : labels.find((l) => l.label === ref)?.versionId) ?? null;
      const [a, b] = [idOf(prompt.split.a), idOf(prompt.split.b)];
      const arm = (id: string | null) => {
        const q = id ? figures.get(id) : undefined;
        return { hits: q?.humanRejected ?? 0, total: q?.humanDecided ?? 0 };
      };
      const { winner, test } = suggestedWinner(arm(a), arm(b));
      abTest = {
        a: { ref: prompt.split.a, versionId: a },
        b: { ref: prompt.split.b, versionId: b },
        pValue: test.pValue,
        z: test.z,
        suggestedWinner: winner,
      };
    }
    return { prompt: prompt.key, versions: list, abTest };
  }

  /** Figures per version id (every id present, zero when nothing was submitted with it). */
  async evidence(versionIds: string[]): Promise<Map<string, VersionFigures>> {
    const [counts, histograms, audits] = await Promise.all([
      this.quality.counts(versionIds),
      this.quality.histograms(versionIds),
      this.quality.audits(versionIds),
    ]);
    const result = new Map<string, VersionFigures>();
    for (const id of versionIds) {
      const c = counts.find((x) => x.versionId === id);
      const histogram = Array.from(
        { length: 10 },
        (_, i) => histograms.find((h) => h.versionId === id && h.bucket === i)?.n ?? 0,
      );
      const estimate = estimateEscapedErrors(
        audits.filter((a) => a.versionId === id),
        AUDIT_DELTA,
      );
      const decided = c?.decided ?? 0;
      const humanDecided = c?.humanDecided ?? 0;
      result.set(id, {
        versionId: id,
        submissions: c?.submissions ?? 0,
        decided,
        automationRate: decided ? (c?.automated ?? 0) / decided : null,
        humanDecided,
        humanRejected: c?.humanRejected ?? 0,
        humanRejectRate: humanDecided ? (c?.humanRejected ?? 0) / humanDecided : null,
        auditedError: estimate,
        confidence: {
          mean: c?.meanConfidence ?? null,
          p10: c?.quantiles?.[0] ?? null,
          p50: c?.quantiles?.[1] ?? null,
          p90: c?.quantiles?.[2] ?? null,
          histogram,
        },
      });
    }
    return result;
  }
}
