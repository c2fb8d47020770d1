import { describe, expect, it } from 'vitest';
import { collectKeyImages, keyImagesOf, NO_KEY_IMAGES } from './key-images';

describe('collectKeyImages', () => {
  it('joins the selections: each instance with every reason once, each series with its count', () => {
    const keyImages = collectKeyImages([
      {
        title: 'For Report Attachment',
        description: null,
        references: [
          { seriesUid: '1.1', instanceUid: '1.1.1' },
          { seriesUid: '1.1', instanceUid: '1.1.2' },
          { seriesUid: '1.2', instanceUid: '1.2.1' },
        ],
      },
      {
        title: 'Of Interest',
        description: null,
        references: [
          { seriesUid: '1.1', instanceUid: '1.1.1' },
          { seriesUid: null, instanceUid: '1.3.1' },
        ],
      },
      { title: null, description: null, references: [{ seriesUid: '1.2', instanceUid: '1.2.1' }] },
    ]);
    expect(Object.fromEntries(keyImages.reasonsByInstance)).toEqual({
      '1.1.1': ['For Report Attachment', 'Of Interest'],
      '1.1.2': ['For Report Attachment'],
      '1.2.1': ['For Report Attachment', 'Key image'],
      '1.3.1': ['Of Interest'],
    });
    // An instance flagged twice counts once; one without a series is in no series' count.
    expect(Object.fromEntries(keyImages.countBySeries)).toEqual({ '1.1': 2, '1.2': 1 });
  });
});

describe('keyImagesOf', () => {
  const keyImages = collectKeyImages([
    { title: 'Of Interest', description: null, references: [{ seriesUid: '1', instanceUid: 'b' }] },
  ]);
  const uidOf = (image: { uid: string | null }) => image.uid;

  it('keeps only the key images, every frame of them, in stack order', () => {
    const images = [{ uid: 'a' }, { uid: 'b' }, { uid: 'b' }, { uid: null }];
    expect(keyImagesOf(images, uidOf, keyImages)).toEqual({
      images: [{ uid: 'b' }, { uid: 'b' }],
      filtered: true,
    });
  });

  it('keeps the whole stack of a series without key images, and says it did not filter', () => {
    const images = [{ uid: 'a' }, { uid: 'c' }];
    expect(keyImagesOf(images, uidOf, keyImages)).toEqual({ images, filtered: false });
    expect(keyImagesOf(images, uidOf, NO_KEY_IMAGES)).toEqual({ images, filtered: false });
  });
});
