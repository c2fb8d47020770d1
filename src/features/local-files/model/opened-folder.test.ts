import { describe, expect, it } from 'vitest';
import { summary } from '@/domain/dicom-files/testing/summary';
import { retrievalOf } from '@/domain/fhir/series-retrieval';
import type { LocalFileResult } from '../worker/read-local-file';
import { studyNamesAnotherPatient } from './files-patient';
import { patientOfFiles } from './local-study';
import { openedFolderOf } from './opened-folder';

const dicom = (index: number, path: string, study: string, series: string, extra = {}): LocalFileResult => ({
  kind: 'dicom',
  index,
  summary: summary(path, { study, series, instance: `${series}.${index}` }, extra),
  metadata: {},
});

describe('openedFolderOf', () => {
  const results: LocalFileResult[] = [
    { kind: 'dicomdir', index: 0, path: 'disk/DICOMDIR', referenced: ['disk/IMAGES/IM1', 'disk/IMAGES/IM9'] },
    dicom(1, 'disk/images/im1', '1.2.3', '1.2.3.1', { patientId: 'MRN1', patientName: 'DOE^JANE' }),
    dicom(2, 'disk/extra/x', '1.2.4', '1.2.4.1', { patientId: 'OTHER', patientName: 'ROE^RICHARD' }),
    { kind: 'skipped', index: 3, path: 'disk/notes.txt', reason: 'not a DICOM file' },
  ];
  const { folder, instances } = openedFolderOf(results, 4, 7);

  it('makes the viewer’s studies, keyed as local series, with nothing to fetch from a server', () => {
    expect(folder.studies.map((study) => study.studyInstanceUid)).toEqual(['1.2.3', '1.2.4']);
    const [study] = folder.studies;
    expect(study?.unavailableReason).toBeNull();
    expect(study?.errors).toEqual([]);
    const series = study?.series[0];
    expect(series?.key).toBe('local-files:7/1.2.3.1');
    expect(series && retrievalOf(series)).toBeNull();
    expect(instances.get(series?.key ?? ('' as never))?.map((item) => item.index)).toEqual([1]);
  });

  it('honours the DICOMDIR (paths compared without case) and says what was not used', () => {
    expect(folder.dicomdirs).toEqual([
      { path: 'disk/DICOMDIR', referenced: 2, missing: ['disk/IMAGES/IM9'] },
    ]);
    expect(folder.unlisted).toEqual(['disk/extra/x']);
    expect(folder.skipped).toEqual([{ path: 'disk/notes.txt', reason: 'not a DICOM file' }]);
  });

  it('checks each study against the patient in context', () => {
    const patient = { id: 'p1', name: 'DOE, Jane', mrn: 'MRN1', birthDate: null, gender: null };
    expect(folder.groups.map((group) => studyNamesAnotherPatient(group, patient))).toEqual([false, true]);
    expect(patientOfFiles(folder.groups[1]?.series[0]?.instances[0])).toMatchObject({
      name: 'ROE, RICHARD',
      mrn: 'OTHER',
    });
  });
});
