import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicomFiles } from './dicom-files.ts';
import { deriveImagingStudy, dicomDateTimeToFhir } from './dicom-to-imaging-study.ts';

const PHILIPS_DIR = join(import.meta.dirname, '..', 'data', 'dicom', 'dcm_qa_ct-philips-S21570');
const STUDY_UID = '1.3.46.670589.33.1.27492712521914879309.27169771283235650014';
const BRAIN_SERIES_UID = '1.3.46.670589.33.1.6002432791750815306.26862469513794233732';

describe('dicomDateTimeToFhir', () => {
  it('turns DA + TM into a FHIR dateTime, UTC when DICOM gives no offset', () => {
    expect(dicomDateTimeToFhir('20150206', '092815.672')).toBe('2015-02-06T09:28:15.672Z');
    expect(dicomDateTimeToFhir('20040826', '185059', '-0400')).toBe('2004-08-26T18:50:59-04:00');
    expect(dicomDateTimeToFhir('20040826', '1850')).toBe('2004-08-26T18:50:00Z');
    expect(dicomDateTimeToFhir('20040826')).toBe('2004-08-26');
    expect(dicomDateTimeToFhir(undefined, '1850')).toBeUndefined();
  });
});

describe('deriveImagingStudy from the Philips phantom files', async () => {
  const files = await readDicomFiles(PHILIPS_DIR, (name, reason) => {
    throw new Error(`${name}: ${reason}`);
  });
  const localizer = files.find((f) => f.name.startsWith('S1000'));
  const study = deriveImagingStudy(
    files.map((f) => f.summary),
    {
      id: 'phantom-ct',
      subject: { reference: 'Patient/phantom' },
      endpoint: { reference: 'Endpoint/pacs-a' },
      seriesEndpoints: new Map([
        [localizer?.summary.seriesInstanceUid ?? '', { reference: 'Endpoint/pacs-b' }],
      ]),
    },
  );

  it('carries the real Study Instance UID, date and description', () => {
    expect(study.identifier?.[0]).toEqual({ system: 'urn:dicom:uid', value: `urn:oid:${STUDY_UID}` });
    expect(study.started).toBe('2015-02-06T09:28:15.672Z');
    expect(study.description).toBe('1A TRAUMA/PLAIN HEAD DM');
    expect(study.status).toBe('available');
    expect(study.subject).toEqual({ reference: 'Patient/phantom' });
    expect(study.modality).toEqual([{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' }]);
  });

  it('counts series and instances from the files: 1 + 28 + 6', () => {
    expect(study.numberOfSeries).toBe(3);
    expect(study.numberOfInstances).toBe(35);
    expect(study.series?.map((s) => [s.number, s.numberOfInstances, s.description])).toEqual([
      [100, 1, undefined],
      [201, 28, 'STD BRAIN 5MM'],
      [401, 6, 'Exam Summary'],
    ]);
  });

  it('lets the localizer series override the study endpoint, and only that series', () => {
    expect(study.endpoint).toEqual([{ reference: 'Endpoint/pacs-a' }]);
    expect(study.series?.[0]?.endpoint).toEqual([{ reference: 'Endpoint/pacs-b' }]);
    expect(study.series?.[1]?.endpoint).toBeUndefined();
  });

  it('orders instances by InstanceNumber and names their SOP class', () => {
    const brain = study.series?.find((s) => s.uid === BRAIN_SERIES_UID);
    const numbers = brain?.instance?.map((i) => i.number) ?? [];
    expect(numbers).toEqual([...numbers].sort((a = 0, b = 0) => a - b));
    expect(numbers).toHaveLength(28);
    expect(brain?.instance?.[0]?.sopClass).toEqual({
      system: 'urn:ietf:rfc:3986',
      code: 'urn:oid:1.2.840.10008.5.1.4.1.1.2',
    });
  });

  it('refuses instances of two different studies', () => {
    const first = files[0]?.summary;
    if (!first) throw new Error('no files');
    expect(() =>
      deriveImagingStudy([first, { ...first, studyInstanceUid: '1.2.3' }], {
        id: 'x',
        subject: { reference: 'Patient/p' },
        endpoint: { reference: 'Endpoint/e' },
      }),
    ).toThrow(/two studies/);
  });
});
