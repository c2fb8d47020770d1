import { describe, expect, it } from 'vitest';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import { createSeriesMetadataQueue } from './series-metadata-queue';

const key = (name: string) => `https://pacs.example.org/dicom-web/studies/1/series/${name}` as SeriesKey;

/** A task that records when it starts and finishes when the test says so. */
function gate(started: string[], name: string) {
  let open = () => {};
  const done = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    task: () => {
      started.push(name);
      return done.then(() => name);
    },
    open: () => open(),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('seriesMetadataQueue', () => {
  it('runs at most its concurrency at once and starts the next when one finishes', async () => {
    const queue = createSeriesMetadataQueue(2);
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const results = gates.map((item, i) => queue.schedule(key(String(i)), item.task));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(queue.counts).toEqual({ running: 2, waiting: 2 });
    gates[0]?.open();
    await results[0];
    await settle();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const item of gates) item.open();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
  });

  it('starts a series shown in a viewport before the thumbnails that asked earlier', async () => {
    const queue = createSeriesMetadataQueue(1);
    const started: string[] = [];
    const busy = gate(started, 'busy');
    const listed = gate(started, 'listed');
    const shown = gate(started, 'shown');
    const all = [
      queue.schedule(key('busy'), busy.task),
      queue.schedule(key('listed'), listed.task),
      queue.schedule(key('shown'), shown.task),
    ];
    // Marked after it was queued (a viewport mounts in the same commit as the thumbnails).
    const unmark = queue.markShown([key('shown')]);
    busy.open();
    shown.open();
    listed.open();
    await Promise.all(all);
    expect(started).toEqual(['busy', 'shown', 'listed']);
    unmark();
  });

  it('never starts a task whose signal aborts while it waits', async () => {
    const queue = createSeriesMetadataQueue(1);
    const started: string[] = [];
    const busy = gate(started, 'busy');
    const away = gate(started, 'scrolled-away');
    const controller = new AbortController();
    const first = queue.schedule(key('busy'), busy.task);
    const second = queue.schedule(key('away'), away.task, controller.signal);
    controller.abort(new DOMException('scrolled away', 'AbortError'));
    await expect(second).rejects.toThrow('scrolled away');
    expect(queue.counts.waiting).toBe(0);
    busy.open();
    await first;
    await settle();
    expect(started).toEqual(['busy']);
  });
});
