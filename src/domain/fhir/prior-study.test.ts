import { describe, expect, it } from 'vitest';
import { suggestPriorStudy } from './prior-study';
import { readStudyList } from './read-imaging-study';

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const study = (id: string, started: string, modality: string, bodySite?: string, status = 'available') => ({
  resourceType: 'ImagingStudy',
  id,
  status,
  started,
  identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:1.2.${id.length}.${started.slice(0, 4)}` }],
  endpoint: [{ reference: 'Endpoint/pacs' }],
  series: [
    {
      uid: `1.2.9.${id.length}`,
      modality: { system: DCM, code: modality },
      ...(bodySite ? { bodySite: { display: bodySite } } : {}),
    },
  ],
});
const pacs = {
  resourceType: 'Endpoint',
  id: 'pacs',
  status: 'active',
  connectionType: { code: 'dicom-wado-rs' },
  address: 'https://pacs.example/rs',
};

describe('suggestPriorStudy', () => {
  const studies = readStudyList([
    study('now', '2026-05-01', 'CT', 'Head'),
    study('ct-chest', '2026-04-01', 'CT', 'Chest'),
    study('mr-head', '2026-03-01', 'MR', 'Head'),
    study('ct-head-old', '2025-01-01', 'CT', 'head'),
    study('later', '2026-06-01', 'CT', 'Head'),
    study('cancelled', '2026-04-15', 'CT', 'Head', 'entered-in-error'),
    pacs,
  ]);
  const byId = (id: string) => studies.find((item) => item.id === id);
  const current = byId('now');

  it('prefers the same modality and body site, however old', () => {
    expect(current && suggestPriorStudy(current, studies)?.id).toBe('ct-head-old');
  });

  it('then the same modality, then any earlier study', () => {
    const withoutHead = studies.filter((item) => item.id !== 'ct-head-old');
    expect(current && suggestPriorStudy(current, withoutHead)?.id).toBe('ct-chest');
    const onlyMr = studies.filter((item) => ['now', 'mr-head'].includes(item.id ?? ''));
    expect(current && suggestPriorStudy(current, onlyMr)?.id).toBe('mr-head');
  });

  it('has none for the earliest study or a study without a date', () => {
    const oldest = byId('ct-head-old');
    expect(oldest && suggestPriorStudy(oldest, studies)).toBeNull();
  });
});
