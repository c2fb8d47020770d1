/**
 * The study's key images: every instance its Key Object Selections flag, with why (their titles),
 * so a thumbnail can say how many of its series' images are key and a viewport can mark one.
 */
import type { KeyObjectSelection } from './key-objects';

export interface KeyImages {
  /** Why each flagged instance was flagged (the selections' titles, once each), by SOP Instance UID. */
  readonly reasonsByInstance: ReadonlyMap<string, readonly string[]>;
  /** How many flagged instances each series holds, by Series Instance UID. */
  readonly countBySeries: ReadonlyMap<string, number>;
}

export const NO_KEY_IMAGES: KeyImages = { reasonsByInstance: new Map(), countBySeries: new Map() };

/** A selection without a title still flags its images: it says "Key image". */
const UNTITLED = 'Key image';

export function collectKeyImages(selections: readonly KeyObjectSelection[]): KeyImages {
  const reasons = new Map<string, string[]>();
  const seriesOf = new Map<string, string>();
  for (const selection of selections) {
    const reason = selection.title ?? UNTITLED;
    for (const { seriesUid, instanceUid } of selection.references) {
      const known = reasons.get(instanceUid) ?? [];
      if (!known.includes(reason)) known.push(reason);
      reasons.set(instanceUid, known);
      if (seriesUid && !seriesOf.has(instanceUid)) seriesOf.set(instanceUid, seriesUid);
    }
  }
  const countBySeries = new Map<string, number>();
  for (const seriesUid of seriesOf.values()) {
    countBySeries.set(seriesUid, (countBySeries.get(seriesUid) ?? 0) + 1);
  }
  return { reasonsByInstance: reasons, countBySeries };
}

/** The images of a stack that are key images, or all of them when none is (a filter never empties a series). */
export function keyImagesOf<T>(
  images: readonly T[],
  instanceUidOf: (image: T) => string | null,
  keyImages: KeyImages,
): { images: readonly T[]; filtered: boolean } {
  const kept = images.filter((image) => {
    const uid = instanceUidOf(image);
    return uid !== null && keyImages.reasonsByInstance.has(uid);
  });
  return kept.length > 0 ? { images: kept, filtered: true } : { images, filtered: false };
}
