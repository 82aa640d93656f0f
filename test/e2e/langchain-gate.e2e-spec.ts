import { Document } from '@langchain/core/documents';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnableLambda } from '@langchain/core/runnables';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { answerWithArbiter } from '../../packages/client/examples/openai-chat';
import { ArbiterClient } from '@arbiter/client';
import { ArbiterGate, ArbiterHeldError, ArbiterRejectedError } from '../../packages/langchain/src';
import { ArbiterHarness } from '../support/arbiter.harness';
import { FakeLlmServer } from '../support/fake-llm.server';
import { ALWAYS_HUMAN, policy } from '../support/fixtures';
import { OpenReviewers } from '../support/reviewer.client';

/**
 * A LangChain.js chain (prompt → ChatOpenAI on the fake chat-completions server) gated by Arbiter:
 * the answer is shown when approved, withheld when rejected, held while people review.
 */
describe('@arbiter/langchain: a LangChain runnable gated by Arbiter, and the OpenAI SDK example', () => {
  let arbiter: ArbiterHarness;
  let llm: FakeLlmServer;
  const reviewers = new OpenReviewers(() => arbiter);
  const docs = [new Document({ id: 'kb-1', pageContent: 'The store opens at 9 am on weekdays.' })];
  const question = 'When does the store open?';

  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    arbiter = await ArbiterHarness.start();
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
    await llm.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
    await arbiter.putPolicy(
      'support',
      policy({ validators: [{ type: 'phrases', deny: ['guaranteed'], onFail: 'reject' }] }),
    );
    await arbiter.putPolicy(
      'desk',
      policy({
        ...ALWAYS_HUMAN,
        review: { queue: 'desk', sla: '30m', reasonCodes: ['inaccurate'] },
      }),
    );
  });

  /** prompt | model, then the gate with the question and the retrieved documents. */
  function gatedChain(pipeline: string, onHold: 'wait' | 'raise' = 'raise') {
    const prompt = ChatPromptTemplate.fromMessages([
      ['system', 'Answer from these documents only:\n{context}'],
      ['human', '{question}'],
    ]);
    const model = new ChatOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'test',
      configuration: { baseURL: llm.baseUrl },
      maxRetries: 0,
    });
    const client = new ArbiterClient({
      baseUrl: arbiter.http.baseUrl,
      apiKey: arbiter.bootstrapKey,
    });
    const gate = new ArbiterGate({ client, pipeline, onHold, timeoutMs: 20_000 });
    const answer = prompt.pipe(model);
    return RunnableLambda.from(async (input: { question: string; docs: Document[] }) => {
      const message = await answer.invoke({
        question: input.question,
        context: input.docs.map((d) => d.pageContent).join('\n'),
      });
      return gate.invoke({ output: message, prompt: input.question, context: input.docs });
    });
  }

  it('returns the model answer when Arbiter approves it, with the prompt and documents submitted', async () => {
    llm.script(() => ({ content: 'The store opens at 9 am on weekdays.' }));
    await expect(gatedChain('support').invoke({ question, docs })).resolves.toBe(
      'The store opens at 9 am on weekdays.',
    );
    expect(llm.received).toHaveLength(1);
    const [row] = await arbiter.db.query(`SELECT status, input, output, model FROM submissions`);
    expect(row).toMatchObject({
      status: 'approved',
      input: {
        prompt: question,
        context: [{ id: 'kb-1', text: 'The store opens at 9 am on weekdays.' }],
      },
      output: { text: 'The store opens at 9 am on weekdays.' },
      model: { name: 'gpt-4o-mini' },
    });
  });

  it('raises ArbiterRejectedError when the policy rejects the answer', async () => {
    llm.script(() => ({ content: 'Opening at 9 am is guaranteed.' }));
    const error = await gatedChain('support')
      .invoke({ question, docs })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArbiterRejectedError);
    expect((error as ArbiterRejectedError).submission.status).toBe('rejected');
  });

  it('holds the answer while people review: raises ArbiterHeldError, or waits and returns the edit', async () => {
    llm.script(() => ({ content: 'The store opens at 9 am.' }));
    const held = await gatedChain('desk', 'raise')
      .invoke({ question, docs })
      .catch((e: unknown) => e);
    expect(held).toBeInstanceOf(ArbiterHeldError);

    const rita = await reviewers.connect('rita@test.local', ['desk']);
    const waiting = gatedChain('desk', 'wait').invoke({ question, docs });
    // The first held submission is decided too; the one this chain waits for gets an edit.
    const edited = 'The store opens at 9 am on weekdays (Mon–Fri).';
    for (let decided = 0; decided < 2;) {
      const task = await rita.claim(['desk']);
      if (!task) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const ack = await rita.decide(task, 'edit', { editedOutput: { text: edited } });
      expect(ack.ok).toBe(true);
      decided++;
    }
    await expect(waiting).resolves.toBe(edited);
  });

  it('the OpenAI SDK example shows approved answers and holds or withholds the others', async () => {
    const openai = new OpenAI({ apiKey: 'test', baseURL: llm.baseUrl, maxRetries: 0 });
    const gateway = new ArbiterClient({
      baseUrl: arbiter.http.baseUrl,
      apiKey: arbiter.bootstrapKey,
    });
    const documents = [{ id: 'kb-1', text: 'The store opens at 9 am on weekdays.' }];
    llm.script(() => ({ content: 'The store opens at 9 am on weekdays.' }));
    await expect(answerWithArbiter(openai, gateway, question, documents)).resolves.toEqual({
      kind: 'approved',
      text: 'The store opens at 9 am on weekdays.',
    });
    llm.script(() => ({ content: 'Opening at 9 am is guaranteed.' }));
    await expect(answerWithArbiter(openai, gateway, question, documents)).resolves.toEqual({
      kind: 'rejected',
      reasons: expect.arrayContaining([expect.stringMatching(/phrase/)]) as unknown as string[],
    });
    await arbiter.putPolicy('support', policy(ALWAYS_HUMAN));
    await expect(answerWithArbiter(openai, gateway, question, documents)).resolves.toMatchObject({
      kind: 'held',
    });
  });
});
