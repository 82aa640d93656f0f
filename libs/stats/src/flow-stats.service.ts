import type { AutomationView, ThroughputView } from '@arbiter/contracts';
import { Injectable } from '@nestjs/common';
import { FlowRepository, FlowTotal, ReviewerTotal, VersionTotal } from './flow.repository';
import { rangeView } from './floor-stats.service';
import { StatsScope } from './stats-filter.resolver';
import { quantileMs, resolveRange, share } from './stats-rules';

/** Final decisions are labelled `<decidedBy>:<outcome>`; routes are the decidedBy part. */
export const DECIDERS = ['auto', 'ai', 'human', 'policy'] as const;

const sum = (rows: FlowTotal[], pick: (r: FlowTotal) => boolean) =>
  rows.filter(pick).reduce((n, r) => n + r.count, 0);
const of = (metric: string, label?: string) => (r: FlowTotal) =>
  r.metric === metric && (label === undefined || r.label === label);

/** Histogram rows labelled `<prefix>:<bucket index>` → counts by index. */
function histogram(rows: FlowTotal[], metric: string, prefix?: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (r.metric !== metric) continue;
    const [head, index] = prefix === undefined ? ['', r.label] : r.label.split(':');
    if (prefix !== undefined && head !== prefix) continue;
    counts.set(Number(index), (counts.get(Number(index)) ?? 0) + r.count);
  }
  return counts;
}

/** Flow figures over a range, from the rollups: throughput, automation, reviewers, versions. */
@Injectable()
export class FlowStats {
  constructor(private readonly flows: FlowRepository) {}

  async throughput(scope: StatsScope): Promise<ThroughputView> {
    // Narrowed to a queue, what arrives is what enters that queue.
    const arrival = scope.filter.queue ? 'task_in' : 'arrival';
    const [series, totals] = await Promise.all([
      this.flows.series([arrival, 'final'], scope.filter),
      this.flows.totals(['ttd'], scope.filter),
    ]);
    const points = new Map<string, { at: string; arrivals: number; decisions: number }>();
    for (const p of series) {
      const at = new Date(p.bucket).toISOString();
      const point = points.get(at) ?? { at, arrivals: 0, decisions: 0 };
      if (p.metric === arrival) point.arrivals += p.count;
      else point.decisions += p.count;
      points.set(at, point);
    }
    const timeToDecision = Object.fromEntries(
      DECIDERS.map((route) => {
        const h = histogram(totals, 'ttd', route);
        const count = [...h.values()].reduce((a, b) => a + b, 0);
        return [route, { count, p50Ms: quantileMs(h, 0.5), p90Ms: quantileMs(h, 0.9) }];
      }),
    );
    const list = [...points.values()];
    return {
      range: rangeView(scope),
      totals: {
        arrivals: list.reduce((n, p) => n + p.arrivals, 0),
        decisions: list.reduce((n, p) => n + p.decisions, 0),
      },
      series: list,
      timeToDecision,
    };
  }

  async automation(scope: StatsScope): Promise<AutomationView> {
    const rows = await this.flows.totals(['route', 'final', 'ai_agreement'], scope.filter);
    const decided = sum(rows, of('final'));
    const routed = sum(rows, of('route'));
    const by = (decider: string, outcome?: string) =>
      sum(
        rows,
        (r) =>
          r.metric === 'final' &&
          r.label.startsWith(`${decider}:`) &&
          (outcome === undefined || r.label.endsWith(`:${outcome}`)),
      );
    const routes = Object.fromEntries(
      ['auto_approved', 'policy_rejected', 'ai_review', 'human_review'].map((route) => {
        const count = sum(rows, of('route', route));
        return [route, { count, share: share(count, routed) }];
      }),
    );
    const agree = sum(rows, of('ai_agreement', 'agree'));
    const disagree = sum(rows, of('ai_agreement', 'disagree'));
    return {
      range: rangeView(scope),
      decided,
      shares: {
        autoApproved: share(by('auto', 'approved'), decided),
        aiDecided: share(by('ai'), decided),
        humanDecided: share(by('human'), decided),
        rejectedByPolicy: share(by('policy', 'rejected'), decided),
      },
      counts: {
        autoApproved: by('auto', 'approved'),
        aiDecided: by('ai'),
        humanDecided: by('human'),
        rejectedByPolicy: by('policy', 'rejected'),
        policyDecided: by('policy'),
      },
      routed,
      routes,
      humanRejectRate: share(by('human', 'rejected'), by('human')),
      aiAgreement: {
        agree,
        disagree,
        unsure: sum(rows, of('ai_agreement', 'unsure')),
        rate: share(agree, agree + disagree),
      },
    };
  }

  async reviewers(scope: StatsScope) {
    const rows = await this.flows.reviewers(
      ['decision', 'handling', 'judged', 'overturned'],
      scope.filter,
    );
    const people = new Map<string, ReviewerTotal[]>();
    for (const r of rows) people.set(r.reviewerId, [...(people.get(r.reviewerId) ?? []), r]);
    return {
      range: rangeView(scope),
      reviewers: [...people.entries()].map(([reviewerId, mine]) => {
        const judged = sum(mine, of('judged'));
        const overturned = sum(mine, of('overturned'));
        return {
          reviewerId,
          email: mine[0].email,
          decisions: sum(mine, of('decision')),
          byAction: Object.fromEntries(mine.filter(of('decision')).map((r) => [r.label, r.count])),
          medianHandlingMs: quantileMs(histogram(mine, 'handling'), 0.5),
          judged,
          overturned,
          overturnRate: share(overturned, judged),
        };
      }),
    };
  }

  /** Version dimensions live at the hour grain: the range is rounded out to whole hours. */
  async versions(minuteScope: StatsScope) {
    const { from, to } = minuteScope.filter.range;
    const scope = {
      ...minuteScope,
      filter: { ...minuteScope.filter, range: resolveRange(from, to, 'h') },
    };
    const rows = await this.flows.byVersion(['route', 'final'], scope.filter);
    const groups = new Map<string, VersionTotal[]>();
    for (const r of rows) {
      const key = JSON.stringify([r.pipeline, r.policyVersion, r.promptVersion, r.model]);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return {
      range: rangeView(scope),
      versions: [...groups.values()].map((mine) => {
        const routed = sum(mine, of('route'));
        const human = sum(mine, (r) => r.metric === 'final' && r.label.startsWith('human:'));
        const humanRejected = sum(mine, of('final', 'human:rejected'));
        const { pipeline, policyVersion, promptVersion, model } = mine[0];
        return {
          pipeline,
          policyVersion,
          promptVersion: promptVersion || null,
          model,
          routed,
          routeShares: Object.fromEntries(
            ['auto_approved', 'policy_rejected', 'ai_review', 'human_review'].map((route) => [
              route,
              share(sum(mine, of('route', route)), routed),
            ]),
          ),
          decided: sum(mine, of('final')),
          humanDecided: human,
          humanRejectRate: share(humanRejected, human),
        };
      }),
    };
  }
}
