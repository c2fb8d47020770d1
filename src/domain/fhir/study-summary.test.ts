import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeImagingStudy } from './study-summary';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../sandbox/data/fhir/${name}`, import.meta.url), 'utf8'));

describe('summarizeImagingStudy', () => {
  it('reads the HL7 XR example: date, modality, procedure, accession, counts', () => {
    expect(summarizeImagingStudy(fixture('hl7-r4-imagingstudy-example-xr.json'))).toMatchObject({
      id: 'example-xr',
      started: '2017-01-01T11:01:20+03:00',
      modalities: ['DX'],
      description: 'XR Wrist 3+ Views',
      accession: 'W12342398',
      numberOfSeries: 1,
      numberOfInstances: 2,
      status: 'available',
      encounterId: 'example',
    });
  });

  it('takes modalities from the series and counts instances when the study does not say', () => {
    const summary = summarizeImagingStudy({
      resourceType: 'ImagingStudy',
      series: [
        { modality: { code: 'CT' }, instance: [{}, {}, {}], bodySite: { display: 'Head' } },
        { modality: { code: 'SR' }, numberOfInstances: 2 },
        { modality: { code: 'CT' } },
      ],
    });
    expect(summary.modalities).toEqual(['CT', 'SR']);
    expect(summary.numberOfSeries).toBe(3);
    expect(summary.numberOfInstances).toBe(5);
    expect(summary.bodySites).toEqual(['Head']);
  });

  it('never throws on junk', () => {
    expect(summarizeImagingStudy(null)).toMatchObject({ id: null, modalities: [], numberOfSeries: 0 });
    expect(
      summarizeImagingStudy({ series: 'nope', identifier: 7, procedureCode: [null] }).description,
    ).toBeNull();
  });
});
