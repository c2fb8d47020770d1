import { afterEach, describe, expect, it } from 'vitest';
import { imagingRequestUrl, routeImagingThrough } from './imaging-routes';

const APP = 'https://viewer.example.org';

afterEach(() => routeImagingThrough([]));

describe('imagingRequestUrl', () => {
  it('sends a request for a forwarded PACS to the viewer’s own path, the rest of the URL kept', () => {
    routeImagingThrough([{ server: 'https://pacs.example.org/dicom-web/', path: '/pacs/dicom-web' }]);
    expect(
      imagingRequestUrl(
        'https://pacs.example.org/dicom-web/studies/1.2/series/3.4/metadata?includefield=all',
        APP,
      ),
    ).toBe('https://viewer.example.org/pacs/dicom-web/studies/1.2/series/3.4/metadata?includefield=all');
    expect(imagingRequestUrl('https://pacs.example.org/dicom-web', APP)).toBe(
      'https://viewer.example.org/pacs/dicom-web',
    );
  });

  it('leaves every other URL as it is: another server, another port, another path, a longer name', () => {
    routeImagingThrough([{ server: 'https://pacs.example.org/dicom-web', path: '/pacs' }]);
    for (const url of [
      'https://other.example.org/dicom-web/studies/1',
      'https://pacs.example.org:8443/dicom-web/studies/1',
      'http://pacs.example.org/dicom-web/studies/1',
      'https://pacs.example.org/wado?requestType=WADO',
      'https://pacs.example.org/dicom-web-2/studies/1',
    ]) {
      expect(imagingRequestUrl(url, APP)).toBe(url);
    }
  });

  it('forwards a whole server when its base is its root', () => {
    routeImagingThrough([{ server: 'https://pacs.example.org', path: '/pacs/' }]);
    expect(imagingRequestUrl('https://pacs.example.org/wado-rs/studies/1', APP)).toBe(
      'https://viewer.example.org/pacs/wado-rs/studies/1',
    );
  });

  it('keeps every forwarded request on the viewer’s origin, whatever the rest of its path holds', () => {
    routeImagingThrough([{ server: 'https://pacs.example.org', path: '/' }]);
    const routed = imagingRequestUrl('https://pacs.example.org//evil.example/dicom-web/studies/1', APP);
    expect(new URL(routed).origin).toBe(APP);
    expect(routed).toBe('https://viewer.example.org//evil.example/dicom-web/studies/1');
  });

  it('sends everything where it points when the deployment forwards nothing', () => {
    const url = 'https://pacs.example.org/dicom-web/studies/1';
    expect(imagingRequestUrl(url, APP)).toBe(url);
  });
});
