import { readStudyList } from '../read-imaging-study';
import type { Study } from '../study';

/**
 * A test's study, read as the app reads it: an ImagingStudy with the given Study Instance UID whose
 * contained Endpoint is a plain WADO-RS server at `address`; `extra` adds or overrides fields.
 */
export function studyOnWadoRs(uid: string, address: string, extra: Record<string, unknown> = {}): Study {
  const [study] = readStudyList([
    {
      resourceType: 'ImagingStudy',
      id: 's',
      status: 'available',
      identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${uid}` }],
      endpoint: [{ reference: '#pacs' }],
      contained: [
        {
          resourceType: 'Endpoint',
          id: 'pacs',
          status: 'active',
          connectionType: { code: 'dicom-wado-rs' },
          address,
        },
      ],
      ...extra,
    },
  ]);
  if (!study) throw new Error('the test study was not read');
  return study;
}
