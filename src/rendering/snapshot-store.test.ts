import { describe, expect, it, vi } from 'vitest';
import { SnapshotStore } from './snapshot-store';

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

describe('SnapshotStore', () => {
  it('starts with the initial snapshot', () => {
    const initial = { count: 0 };
    expect(new SnapshotStore(initial, sameJson).getSnapshot()).toBe(initial);
  });

  it('keeps the snapshot, and tells no one, when an equal value is published', () => {
    const initial = { count: 0, items: [1] };
    const store = new SnapshotStore(initial, sameJson);
    const listener = vi.fn();
    store.subscribe(listener);
    store.publish({ count: 0, items: [1] });
    expect(store.getSnapshot()).toBe(initial);
    expect(listener).not.toHaveBeenCalled();
  });

  it('replaces the snapshot and tells every listener when the value changes', () => {
    const store = new SnapshotStore({ count: 0 }, sameJson);
    const [first, second] = [vi.fn(), vi.fn()];
    store.subscribe(first);
    store.subscribe(second);
    const next = { count: 1 };
    store.publish(next);
    expect(store.getSnapshot()).toBe(next);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('does not call a listener at subscription (useSyncExternalStore reads the snapshot itself)', () => {
    const listener = vi.fn();
    new SnapshotStore(1, Object.is).subscribe(listener);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops telling a listener that unsubscribed, and everyone once closed', () => {
    const store = new SnapshotStore<number>(0, Object.is);
    const [gone, staying] = [vi.fn(), vi.fn()];
    const unsubscribe = store.subscribe(gone);
    store.subscribe(staying);
    unsubscribe();
    store.publish(1);
    expect(gone).not.toHaveBeenCalled();
    expect(staying).toHaveBeenCalledTimes(1);
    store.close();
    store.publish(2);
    expect(staying).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toBe(2);
  });

  it('hands out the same subscribe and getSnapshot functions every time', () => {
    const store = new SnapshotStore<number>(0, Object.is);
    const { subscribe, getSnapshot } = store;
    expect(store.subscribe).toBe(subscribe);
    expect(store.getSnapshot).toBe(getSnapshot);
  });
});
