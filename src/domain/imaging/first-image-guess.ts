/**
 * The instance a stack most likely starts with, known before its metadata arrives: the lowest
 * InstanceNumber in the ImagingStudy's instance list. Scanners number slices along the table, so
 * this is nearly always the first slice in position order too; when it is not, the early fetch is
 * merely a prefetch of another slice.
 */
export function likelyFirstInstance<T extends { uid: string | null; number: number | null }>(
  instances: readonly T[],
): T | null {
  let best: T | null = null;
  for (const instance of instances) {
    if (!instance.uid) continue;
    if (best === null || (instance.number ?? Infinity) < (best.number ?? Infinity)) best = instance;
  }
  return best;
}
