import { describe, expect, it } from 'vitest';
import { parseStudyInstanceUid } from '../dicomweb/dicom-uid';
import {
  instancesFromQido,
  planStudyCompletion,
  seriesFromQido,
  withCompletedSeries,
} from './complete-study';
import { studyOnWadoRs } from './testing/study-on-wado-rs';
import { checked } from '../dicomweb/testing/checked-inputs';

const BASE = 'https://pacs.example.org/dicom-web';
const STUDY_UID = '1.2.840.1';
const STUDY = checked(parseStudyInstanceUid(STUDY_UID));

/** The study endpoint of a study that lists no series: what QIDO-RS is asked. */
const studyBase = () => checked(entryOf({}).wadoRs);

/** The test's ImagingStudy fields on a study read as the app reads it (testing/study-on-wado-rs.ts). */
const entryOf = (study: Record<string, unknown>) => studyOnWadoRs(STUDY_UID, BASE, study);

const element = (vr: string, value: unknown) => ({ vr, Value: [value] });
const qidoSeries = (uid: string, number: number, modality: string) => ({
  '0020000E': element('UI', uid),
  '00200011': element('IS', number),
  '00080060': element('CS', modality),
  '0008103E': element('LO', `Series ${number}`),
});
const qidoInstance = (uid: string, number: number) => ({
  '00080018': element('UI', uid),
  '00080016': element('UI', '1.2.840.10008.5.1.4.1.1.2'),
  '00200013': element('IS', number),
});

describe('planStudyCompletion', () => {
  it('asks for the series of a study that lists none, on the study endpoint', () => {
    const plan = planStudyCompletion(entryOf({}));
    expect(plan).toMatchObject({ querySeries: true, studyUid: STUDY_UID, base: { address: BASE } });
  });

  it('asks for the instances of listed series that name none', () => {
    const entry = entryOf({
      series: [
        { uid: '1.2.840.1.1', modality: { code: 'CT' }, instance: [{ uid: '1.2.840.1.1.1' }] },
        { uid: '1.2.840.1.2', modality: { code: 'CT' } },
      ],
    });
    expect(planStudyCompletion(entry)).toMatchObject({
      querySeries: false,
      seriesWithoutInstances: [1],
    });
  });

  it('asks nothing of a complete study, or of one with no image server', () => {
    const complete = entryOf({ series: [{ uid: '1.2.840.1.1', instance: [{ uid: '1.2.840.1.1.1' }] }] });
    expect(planStudyCompletion(complete)).toBeNull();
    expect(planStudyCompletion(entryOf({ endpoint: [] }))).toBeNull();
  });
});

describe('QIDO-RS answers → resolved series', () => {
  it('orders series by number and gives each the study endpoint and its metadata URL', () => {
    const series = seriesFromQido(STUDY, studyBase(), [
      qidoSeries('1.2.840.1.9', 2, 'CT'),
      qidoSeries('1.2.840.1.8', 1, 'SR'),
      'junk',
    ]);
    expect(series.map((item) => [item.uid, item.modality, item.description])).toEqual([
      ['1.2.840.1.8', 'SR', 'Series 1'],
      ['1.2.840.1.9', 'CT', 'Series 2'],
    ]);
    expect(series[0]?.metadataUrl).toBe(`${BASE}/studies/${STUDY_UID}/series/1.2.840.1.8/metadata`);
    expect(series[0]?.wadoRs?.address).toBe(BASE);
  });

  it("takes each series' Instance Availability (0008,0056), else the study's, and does not fetch offline ones", () => {
    const series = seriesFromQido(
      STUDY,
      studyBase(),
      [
        { ...qidoSeries('1.2.840.1.7', 1, 'CT'), '00080056': element('CS', 'OFFLINE') },
        qidoSeries('1.2.840.1.8', 2, 'CT'),
      ],
      'NEARLINE',
    );
    expect(series.map((item) => item.availability)).toEqual(['OFFLINE', 'NEARLINE']);
    expect(series.map((item) => item.key === null)).toEqual([true, false]);
    expect(series[0]?.metadataUrl).toBeNull();
    expect(series[0]?.errors.join(' ')).toMatch(/offline/);
  });

  it('does not ask the PACS about a study the archive holds offline', () => {
    expect(planStudyCompletion(entryOf({ availability: 'OFFLINE' }))).toBeNull();
    expect(planStudyCompletion(entryOf({ availability: 'NEARLINE' }))).toMatchObject({
      querySeries: true,
      availability: 'NEARLINE',
    });
  });

  it('reports a bad series UID instead of dropping the series', () => {
    const [series] = seriesFromQido(STUDY, studyBase(), [qidoSeries('1.2.x', 1, 'CT')]);
    expect(series?.uid).toBeNull();
    expect(series?.errors[0]).toContain('1.2.x');
  });

  it('orders instances by number, with their WADO-RS URLs', () => {
    const [series] = seriesFromQido(STUDY, studyBase(), [qidoSeries('1.2.840.1.9', 1, 'CT')]);
    if (!series) throw new Error('no series');
    const instances = instancesFromQido(STUDY, series, [
      qidoInstance('1.2.840.1.9.3', 3),
      qidoInstance('1.2.840.1.9.1', 1),
    ]);
    expect(instances.map((instance) => instance.number)).toEqual([1, 3]);
    expect(instances[0]?.wadoRsUrl).toBe(
      `${BASE}/studies/${STUDY_UID}/series/1.2.840.1.9/instances/1.2.840.1.9.1`,
    );
  });

  it('completes the entry: counts and modalities from the PACS, the status still speaks', () => {
    const entry = entryOf({});
    const base = checked(entry.wadoRs);
    const [series] = seriesFromQido(STUDY, base, [qidoSeries('1.2.840.1.9', 1, 'MR')]);
    if (!series) throw new Error('no series');
    const filled = {
      ...series,
      instances: instancesFromQido(STUDY, series, [qidoInstance('1.2.840.1.9.1', 1)]),
    };
    const completed = withCompletedSeries(entry, [filled]);
    expect(completed).toMatchObject({ modalities: ['MR'], numberOfSeries: 1, numberOfInstances: 1 });
    expect(completed.unavailableReason).toBeNull();
    expect(withCompletedSeries(entryOf({ status: 'registered' }), [filled]).unavailableReason).toMatch(
      /no images yet/i,
    );
  });
});
