import { useMemo } from 'react';
import { DicomTag, dicomString, type DicomJsonInstance } from '@/domain/imaging/dicom-json';
import type { ImageSource } from '@/domain/imaging/image-source';
import { keyImagesOf, type KeyImages } from '@/domain/imaging/key-images';

const instanceUidOf = (image: ImageSource) => dicomString(image.metadata, DicomTag.SopInstanceUid);

export interface ShownStack {
  /** Every image of the series, or only its key images when the filter is on and it has some. */
  images: readonly ImageSource[];
  /** Whether the images are the key images only. */
  filtered: boolean;
  /** How many stack images each instance gives (one per frame), by SOP Instance UID. */
  framesByInstance: ReadonlyMap<string, number>;
}

/**
 * The stack a viewport shows. The images keep their identity while nothing they depend on changes:
 * the study's key images arriving must not reset a viewport that shows them all.
 */
export function useShownStack(
  images: readonly ImageSource[] | undefined,
  keyImages: KeyImages,
  keyImagesOnly: boolean,
): ShownStack {
  const chosen = useMemo(
    () =>
      images && keyImagesOnly
        ? keyImagesOf(images, instanceUidOf, keyImages)
        : { images: images ?? NO_IMAGES, filtered: false },
    [images, keyImagesOnly, keyImages],
  );
  const framesByInstance = useMemo(() => {
    const counts = new Map<string, number>();
    for (const image of chosen.images) {
      const uid = instanceUidOf(image);
      if (uid) counts.set(uid, (counts.get(uid) ?? 0) + 1);
    }
    return counts;
  }, [chosen.images]);
  return { images: chosen.images, filtered: chosen.filtered, framesByInstance };
}

const NO_IMAGES: readonly ImageSource[] = [];

export interface ShownImage {
  metadata: DicomJsonInstance | null;
  /** Why the study's key object selections flag it; null when they do not. */
  keyImageReasons: readonly string[] | null;
  /** Its file has more frames than the stack holds (multi-frame over WADO-URI gives the first only). */
  framesLeftOut: { shown: number; total: number } | null;
}

/** What a viewport says of the image at its position. */
export function shownImageOf(
  stack: ShownStack,
  index: number,
  keyImages: KeyImages,
  drawnFrameCount: number | null,
): ShownImage {
  const image = stack.images[index];
  const uid = image ? instanceUidOf(image) : null;
  const framesInStack = uid ? (stack.framesByInstance.get(uid) ?? 0) : 0;
  return {
    metadata: image?.metadata ?? null,
    keyImageReasons: uid ? (keyImages.reasonsByInstance.get(uid) ?? null) : null,
    framesLeftOut:
      drawnFrameCount !== null && framesInStack > 0 && drawnFrameCount > framesInStack
        ? { shown: framesInStack, total: drawnFrameCount }
        : null,
  };
}
