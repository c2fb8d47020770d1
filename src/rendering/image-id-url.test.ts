import { describe, expect, it } from 'vitest';
import { urlOfImageId } from './image-id-url';

describe('urlOfImageId', () => {
  it('strips the loader scheme', () => {
    expect(urlOfImageId('wadors:https://pacs/dicom-web/studies/1/series/2/instances/3/frames/1')).toBe(
      'https://pacs/dicom-web/studies/1/series/2/instances/3/frames/1',
    );
    expect(urlOfImageId('wadouri:https://pacs/wado?requestType=WADO')).toBe(
      'https://pacs/wado?requestType=WADO',
    );
  });
  it('leaves a plain URL alone', () => {
    expect(urlOfImageId('https://pacs/x')).toBe('https://pacs/x');
  });
});
