import type { SubmissionRepository } from '@arbiter/workflow';
import { EraseByExternalId } from './erase-by-external-id.use-case';
import type { SubmissionErasure } from './submission-erasure.service';

describe('EraseByExternalId', () => {
  it("erases the client's unerased submissions with that external id on request, naming the key, and counts what it erased", async () => {
    const looked: [string, string][] = [];
    const erased: [string, string, string][] = [];
    const useCase = new EraseByExternalId(
      {
        unerasedByExternalId: async (clientId: string, externalId: string) => {
          looked.push([clientId, externalId]);
          return [{ id: 's1' }, { id: 's2' }, { id: 's3' }];
        },
      } as unknown as SubmissionRepository,
      {
        erase: async (id: string, reason: string, actor: string) => {
          erased.push([id, reason, actor]);
          return id !== 's2'; // erased meanwhile by another request
        },
      } as unknown as SubmissionErasure,
    );
    expect(
      await useCase.execute({ clientId: 'c-1', keyId: 'k-1', externalId: 'subject-1' }),
    ).toEqual({ erased: 2 });
    expect(looked).toEqual([['c-1', 'subject-1']]);
    expect(erased).toEqual(['s1', 's2', 's3'].map((id) => [id, 'request', 'api-key:k-1']));
  });

  it('answers 0 when nothing is left to erase', async () => {
    const useCase = new EraseByExternalId(
      { unerasedByExternalId: async () => [] } as unknown as SubmissionRepository,
      { erase: async () => true } as unknown as SubmissionErasure,
    );
    expect(await useCase.execute({ clientId: 'c-1', keyId: 'k-1', externalId: 'nobody' })).toEqual({
      erased: 0,
    });
  });
});
