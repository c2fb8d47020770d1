import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
  it('resolves in a task of its own: after every microtask already queued and those they queue', async () => {
    const order: string[] = [];
    const next = nextTask().then(() => order.push('next task'));
    let chain: Promise<unknown> = Promise.resolve();
    for (let i = 0; i < 100; i += 1) chain = chain.then(() => order.push('microtask'));
    await next;
    expect(order.indexOf('next task')).toBe(100);
  });
});
