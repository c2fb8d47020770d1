import { describe, expect, it } from 'vitest';
import { mayShowRendered, renderedRequestOf } from './rendered-fallback';

describe('mayShowRendered', () => {
  it('shows the PACS rendering of what the browser cannot decode, or the PACS cannot send as DICOM', () => {
    expect(mayShowRendered({ kind: 'decode' })).toBe(true);
    for (const status of [400, 406, 415, 500]) expect(mayShowRendered({ kind: 'http', status })).toBe(true);
  });
  it('never hides a refusal, a missing image, a busy or silent server, or broken data behind one', () => {
    for (const status of [401, 403, 404, 503, null])
      expect(mayShowRendered({ kind: 'http', status })).toBe(false);
    expect(mayShowRendered({ kind: 'frame-length' })).toBe(false);
  });
});

describe('renderedRequestOf', () => {
  it('asks WADO-RS for the rendered frame as PNG', () => {
    expect(renderedRequestOf('https://p/rs/studies/1/series/2/instances/3/frames/4')).toEqual({
      url: 'https://p/rs/studies/1/series/2/instances/3/frames/4/rendered',
      accept: 'image/png',
    });
  });
  it('asks WADO-URI for its default JPEG instead of the DICOM object', () => {
    expect(
      renderedRequestOf(
        'https://p/wado?requestType=WADO&studyUID=1&seriesUID=2&objectUID=3&contentType=application/dicom',
      ),
    ).toEqual({
      url: 'https://p/wado?requestType=WADO&studyUID=1&seriesUID=2&objectUID=3&contentType=image/jpeg',
      accept: 'image/jpeg',
    });
  });
  it('has nothing for other URLs', () => {
    expect(renderedRequestOf('https://p/rs/studies/1/series/2/instances/3')).toBeNull();
  });
});
