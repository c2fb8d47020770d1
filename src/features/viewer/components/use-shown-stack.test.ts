// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import { collectKeyImages, NO_KEY_IMAGES } from '@/domain/imaging/key-images';
import type { ImageSource } from '@/domain/imaging/image-source';
import { text } from '@/domain/imaging/testing/dicom-json-builders';
import { shownImageOf, useShownStack } from './use-shown-stack';

const image = (sop: string, frame = 1): ImageSource => ({
  imageId: `wadors:https://pacs.example/studies/1/series/2/instances/${sop}/frames/${frame}`,
  seriesKey: 'https://pacs.example/studies/1/series/2' as SeriesKey,
  metadata: { '00080018': text('UI', sop) },
});
const images = [image('a'), image('b', 1), image('b', 2), image('c')];
const keyImages = collectKeyImages([
  { title: 'Of Interest', description: null, references: [{ seriesUid: '2', instanceUid: 'b' }] },
]);

describe('useShownStack', () => {
  it('keeps the series’ own images (same array) until the filter is on', () => {
    const { result, rerender } = renderHook(({ keys, only }) => useShownStack(images, keys, only), {
      initialProps: { keys: NO_KEY_IMAGES, only: false },
    });
    expect(result.current.images).toBe(images);
    rerender({ keys: keyImages, only: false });
    // The key images arriving do not hand the viewport a new stack (it would start again).
    expect(result.current.images).toBe(images);
    rerender({ keys: keyImages, only: true });
    expect(result.current.images).toEqual([image('b', 1), image('b', 2)]);
    expect(result.current.filtered).toBe(true);
  });
});

describe('shownImageOf', () => {
  it('names the key image’s reasons and nothing for the others', () => {
    const { result } = renderHook(() => useShownStack(images, keyImages, false));
    expect(shownImageOf(result.current, 1, keyImages, null).keyImageReasons).toEqual(['Of Interest']);
    expect(shownImageOf(result.current, 0, keyImages, null).keyImageReasons).toBeNull();
  });

  it('says when the drawn file has frames the stack does not hold', () => {
    const { result } = renderHook(() => useShownStack(images, NO_KEY_IMAGES, false));
    // 'c' is one stack image; its file says 12 frames (a multi-frame instance over WADO-URI).
    expect(shownImageOf(result.current, 3, NO_KEY_IMAGES, 12).framesLeftOut).toEqual({ shown: 1, total: 12 });
    // 'b' gives both its frames: nothing left out; and nothing is said before the image is drawn.
    expect(shownImageOf(result.current, 1, NO_KEY_IMAGES, 2).framesLeftOut).toBeNull();
    expect(shownImageOf(result.current, 3, NO_KEY_IMAGES, null).framesLeftOut).toBeNull();
  });
});
