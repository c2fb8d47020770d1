import { describe, expect, it } from 'vitest';
import { readStudyInstanceUid, studyInstanceUidOf } from './study-instance-uid';

const dicomUid = (value: unknown) => ({ system: 'urn:dicom:uid', value });

describe('studyInstanceUidOf', () => {
  it('takes the first urn:dicom:uid identifier and strips urn:oid:', () => {
    const study = {
      identifier: [
        { system: 'http://example.org/accession', value: '1.2.3' },
        dicomUid('urn:oid:2.16.124.113543.6003.1154777499.30246.19789.3503430046'),
        dicomUid('urn:oid:9.9.9'),
      ],
    };
    expect(studyInstanceUidOf(study)).toBe('2.16.124.113543.6003.1154777499.30246.19789.3503430046');
  });

  it('accepts a bare UID value and a single identifier object instead of an array', () => {
    expect(studyInstanceUidOf({ identifier: dicomUid('1.2.3') })).toBe('1.2.3');
    expect(studyInstanceUidOf({ identifier: dicomUid('URN:OID:1.2.3') })).toBe('1.2.3');
  });

  it('skips urn:dicom:uid identifiers that carry no value', () => {
    expect(
      studyInstanceUidOf({ identifier: [dicomUid(undefined), dicomUid(''), dicomUid('urn:oid:1.2')] }),
    ).toBe('1.2');
  });

  it('falls back to the STU3 uid element', () => {
    expect(studyInstanceUidOf({ uid: 'urn:oid:1.2.840.1' })).toBe('1.2.840.1');
    expect(studyInstanceUidOf({ identifier: [{ system: 'other', value: '5' }], uid: '1.2.840.2' })).toBe(
      '1.2.840.2',
    );
    expect(studyInstanceUidOf({ identifier: dicomUid('urn:oid:1.2.840.3'), uid: '1.2.840.2' })).toBe(
      '1.2.840.3',
    );
  });
});

describe('readStudyInstanceUid', () => {
  it('explains a missing UID', () => {
    expect(
      readStudyInstanceUid({ identifier: [{ system: 'https://acme/acsn', value: 'HDD633125' }] }),
    ).toEqual({
      uid: null,
      raw: null,
      error: 'No Study Instance UID: no identifier has system "urn:dicom:uid".',
    });
    expect(readStudyInstanceUid(null).error).toBe(
      'No Study Instance UID: no identifier has system "urn:dicom:uid".',
    );
  });

  it('names a look-alike identifier under another system (as Synthea writes it)', () => {
    const study = {
      identifier: [{ use: 'official', system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.840.99' }],
    };
    expect(readStudyInstanceUid(study).error).toBe(
      'No Study Instance UID: no identifier has system "urn:dicom:uid" (identifier "urn:oid:1.2.840.99" has system "urn:ietf:rfc:3986").',
    );
  });

  it('says the value is missing when the urn:dicom:uid identifier has none', () => {
    expect(readStudyInstanceUid({ identifier: [{ system: 'urn:dicom:uid', value: null }] })).toEqual({
      uid: null,
      raw: null,
      error: 'No Study Instance UID: the identifier with system "urn:dicom:uid" has the value null.',
    });
    expect(readStudyInstanceUid({ identifier: [{ system: 'urn:dicom:uid' }] }).error).toBe(
      'No Study Instance UID: the identifier with system "urn:dicom:uid" has no value.',
    );
    expect(readStudyInstanceUid({ identifier: [{ system: 'urn:dicom:uid', value: '  ' }] }).error).toBe(
      'No Study Instance UID: the identifier with system "urn:dicom:uid" has the value "  ".',
    );
  });

  it('quotes an invalid UID as written', () => {
    expect(readStudyInstanceUid({ identifier: [dicomUid('urn:oid:1.2.x')] })).toEqual({
      uid: null,
      raw: 'urn:oid:1.2.x',
      error: 'Study Instance UID "urn:oid:1.2.x" is not a valid DICOM UID.',
    });
  });
});
