import { describe, expect, it } from 'vitest';
import { matchingSeriesIndex, priorOf, suggestPriorStudy } from './prior-study';
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

describe('priorOf', () => {
  const [newer, older, undated] = readStudyList([
    study('b', '2026-05-01', 'CT'),
    study('a', '2025-05-01', 'CT'),
    { ...study('c', '2025-05-01', 'CT'), started: undefined },
    pacs,
  ]);

  it('names the earlier study, and neither when a date is missing or the same', () => {
    if (!newer || !older || !undated) throw new Error('fixture');
    expect(priorOf(newer, older)).toBe('second');
    expect(priorOf(older, newer)).toBe('first');
    expect(priorOf(newer, undated)).toBeNull();
    expect(priorOf(older, older)).toBeNull();
  });
});

describe('matchingSeriesIndex', () => {
  const series = (uid: string, modality: string, description: string, instances: number) => ({
    uid,
    modality: { system: DCM, code: modality },
    description,
    instance: Array.from({ length: instances }, (_, i) => ({
      uid: `${uid}.${i + 1}`,
      sopClass: { code: '1.2' },
    })),
  });
  const [other] = readStudyList([
    {
      ...study('other', '2025-01-01', 'CT'),
      series: [
        series('1.2.1', 'SR', 'Report', 1),
        series('1.2.2', 'CT', 'Scout', 1),
        series('1.2.3', 'CT', 'Axial 5mm', 40),
        series('1.2.4', 'CT', 'Axial 1mm', 200),
      ],
    },
    pacs,
  ]);

  it('prefers the same modality and description, then the largest of the modality, then the largest', () => {
    const first = other?.series[0];
    if (!other || !first) throw new Error('fixture');
    const shown = (modality: string, description: string) => ({
      ...first,
      modality,
      description,
    });
    expect(matchingSeriesIndex(shown('CT', 'axial 5MM'), other)).toBe(2);
    expect(matchingSeriesIndex(shown('CT', 'Brain'), other)).toBe(3);
    expect(matchingSeriesIndex(shown('MR', 'Brain'), other)).toBe(3);
    expect(matchingSeriesIndex(null, other)).toBe(3);
  });
});
