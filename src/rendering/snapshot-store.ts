/**
 * A value React reads with `useSyncExternalStore`. The snapshot keeps its identity until a different
 * value is published: React compares snapshots by identity, and a new object for an equal value
 * would re-render for nothing (or loop, when read during render).
 */
export class SnapshotStore<T> {
  private snapshot: T;
  private readonly listeners = new Set<() => void>();

  constructor(
    initial: T,
    private readonly same: (a: T, b: T) => boolean,
  ) {
    this.snapshot = initial;
  }

  // Arrow properties: stable functions that can be handed to useSyncExternalStore as they are.
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => this.snapshot;

  publish(next: T): void {
    if (this.same(next, this.snapshot)) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** Drops every listener (the source is gone); the last snapshot stays readable. */
  close(): void {
    this.listeners.clear();
  }
}
