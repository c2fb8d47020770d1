import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from './concurrency-limit';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createConcurrencyLimit', () => {
  it('never runs more than the limit at once, and runs the rest in arrival order', async () => {
    const run = createConcurrencyLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let active = 0;
    let peak = 0;
    const results = gates.map((gate, index) =>
      run(async () => {
        started.push(index);
        active += 1;
        peak = Math.max(peak, active);
        await gate.promise;
        active -= 1;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    await results[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const run = createConcurrencyLimit(1);
    const gate = deferred();
    const ran: string[] = [];
    const first = run(async () => {
      ran.push('first');
      await gate.promise;
    });
    const controller = new AbortController();
    const second = run(async () => {
      ran.push('second');
    }, controller.signal);
    const third = run(async () => {
      ran.push('third');
    });
    controller.abort();
    await expect(second).rejects.toThrow();
    gate.resolve();
    await Promise.all([first, third]);
    expect(ran).toEqual(['first', 'third']);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const run = createConcurrencyLimit(1);
    const controller = new AbortController();
    controller.abort();
    await expect(run(async () => 1, controller.signal)).rejects.toThrow();
  });
});
