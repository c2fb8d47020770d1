import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImagingStudy } from './fhir-types';
import { readImagingStudy } from './read-imaging-study';
import { createResourcePool } from './resource-pool';

/** What the list row shows of a study read on its own. */
const summarizeImagingStudy = (study: unknown) =>
  readImagingStudy(study as ImagingStudy, createResourcePool([study]));

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../sandbox/data/fhir/${name}`, import.meta.url), 'utf8'));

describe('readImagingStudy: what the list row shows', () => {
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

  it('reads modalities given as Coding or CodeableConcept, at study and series level alike', () => {
    const fromSeries = summarizeImagingStudy({
      resourceType: 'ImagingStudy',
      series: [
        { modality: { coding: [{ code: 'MR' }] } },
        { modality: { code: 'CT' } },
        { modality: [{ coding: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'SR' }] }] },
      ],
    });
    expect(fromSeries.modalities).toEqual(['MR', 'CT', 'SR']);
    // The row's modalities and the viewer's series modality come from the same reader.
    expect(fromSeries.series.map((series) => series.modality)).toEqual(['MR', 'CT', 'SR']);
    const r5 = summarizeImagingStudy({
      resourceType: 'ImagingStudy',
      modality: [{ coding: [{ code: 'US' }] }, { coding: [{ code: 'US' }] }],
      series: [{ modality: { coding: [{ code: 'MR' }] } }],
    });
    expect(r5.modalities).toEqual(['US']);
  });

  it('never throws on junk', () => {
    expect(summarizeImagingStudy(null)).toMatchObject({ id: null, modalities: [], numberOfSeries: 0 });
    expect(
      summarizeImagingStudy({ series: 'nope', identifier: 7, procedureCode: [null] }).description,
    ).toBeNull();
  });
});
