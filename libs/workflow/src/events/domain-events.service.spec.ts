import { SubmissionMoved } from './domain-event-map';
import { DomainEvents } from './domain-events.service';
import { RequiredSubscribersCheck } from './required-subscribers.module';

const moved = (to: SubmissionMoved['to']): SubmissionMoved =>
  ({
    submissionId: 's1',
    clientId: 'c1',
    submission: {} as SubmissionMoved['submission'],
    from: 'scoring',
    to,
    actor: 'test',
  }) as SubmissionMoved;

describe('DomainEvents', () => {
  it('runs subscribers in the declared SUBSCRIBERS order, whatever order they subscribed in', async () => {
    const events = new DomainEvents();
    const ran: string[] = [];
    events.subscribe(
      'intake.announce-route',
      'submission.moved',
      async () => void ran.push('announce'),
    );
    events.subscribe(
      'delivery.record-outcome',
      'submission.moved',
      async () => void ran.push('outbox'),
    );
    events.subscribe('review.create-task', 'submission.moved', async () => void ran.push('task'));
    await events.publish('submission.moved', moved('human_review'));
    expect(ran).toEqual(['task', 'outbox', 'announce']);
  });

  it('hands each event only to its own subscribers, with the payload', async () => {
    const events = new DomainEvents();
    const heard: string[] = [];
    events.subscribe(
      'ai-review.dispatch',
      'submission.sent_to_ai_review',
      async (p) => void heard.push(`ai:${p.to}`),
    );
    events.subscribe(
      'review.create-task',
      'submission.sent_to_human_review',
      async (p) => void heard.push(`human:${p.to}`),
    );
    await events.publish(
      'submission.sent_to_ai_review',
      moved('ai_review') as SubmissionMoved<'ai_review'>,
    );
    expect(heard).toEqual(['ai:ai_review']);
  });

  it('a failing subscriber neither stops the next one nor rejects the publish', async () => {
    const events = new DomainEvents();
    const ran: string[] = [];
    events.subscribe('review.create-task', 'submission.approved', async () => {
      throw new Error('database down');
    });
    events.subscribe(
      'delivery.record-outcome',
      'submission.approved',
      async () => void ran.push('outbox'),
    );
    await expect(
      events.publish('submission.approved', moved('approved') as SubmissionMoved<'approved'>),
    ).resolves.toBeUndefined();
    expect(ran).toEqual(['outbox']);
  });

  it('names the required subscribers no module registered', () => {
    const events = new DomainEvents();
    events.subscribe('delivery.record-outcome', 'submission.rejected', async () => undefined);
    expect(events.missing(['delivery.record-outcome', 'ai-review.dispatch'])).toEqual([
      'ai-review.dispatch',
    ]);
  });
});

describe('RequiredSubscribersCheck', () => {
  it('fails the start of a process that does not load a subscriber it must run', () => {
    const events = new DomainEvents();
    events.subscribe('delivery.record-outcome', 'submission.approved', async () => undefined);
    const check = new RequiredSubscribersCheck(events, {
      names: ['delivery.record-outcome', 'review.create-task'],
    });
    expect(() => check.onApplicationBootstrap()).toThrow(
      /must run the event subscribers review.create-task/,
    );
  });

  it('lets a process start when every required subscriber is registered', () => {
    const events = new DomainEvents();
    events.subscribe(
      'review.create-task',
      'submission.sent_to_human_review',
      async () => undefined,
    );
    expect(() =>
      new RequiredSubscribersCheck(events, {
        names: ['review.create-task'],
      }).onApplicationBootstrap(),
    ).not.toThrow();
  });
});
