import { describe, expect, it } from 'vitest';
import { connectionTypeOf, ENDPOINT_CONNECTION_TYPE_SYSTEM, foreignImagingCodingOf } from './connection-type';

const coding = (code: string, system: string | undefined = ENDPOINT_CONNECTION_TYPE_SYSTEM) => ({
  system,
  code,
});

describe('connectionTypeOf', () => {
  it('reads the R4 Coding', () => {
    expect(connectionTypeOf({ connectionType: coding('dicom-wado-rs') })).toBe('dicom-wado-rs');
    expect(connectionTypeOf({ connectionType: coding('dicom-wado-uri') })).toBe('dicom-wado-uri');
    expect(connectionTypeOf({ connectionType: coding('ihe-iid') })).toBe('ihe-iid');
  });

  it('tolerates a CodeableConcept and the R5 list of CodeableConcepts', () => {
    expect(connectionTypeOf({ connectionType: { coding: [coding('dicom-wado-rs')] } })).toBe('dicom-wado-rs');
    expect(
      connectionTypeOf({
        connectionType: [{ coding: [coding('hl7-fhir-rest')] }, { coding: [coding('ihe-iid')] }],
      }),
    ).toBe('ihe-iid');
    expect(connectionTypeOf({ connectionType: [coding('dicom-wado-uri')] })).toBe('dicom-wado-uri');
  });

  it("accepts a code without a system and STU3's address of the system, refuses another system", () => {
    expect(connectionTypeOf({ connectionType: { code: 'dicom-wado-rs' } })).toBe('dicom-wado-rs');
    expect(
      connectionTypeOf({
        connectionType: coding('dicom-wado-rs', 'http://hl7.org/fhir/endpoint-connection-type'),
      }),
    ).toBe('dicom-wado-rs');
    expect(
      connectionTypeOf({
        connectionType: coding('dicom-wado-rs', 'http://hl7.org/fhir/endpoint-connection-typo'),
      }),
    ).toBeNull();
    expect(
      connectionTypeOf({ connectionType: coding('dicom-wado-rs', 'http://acme.example/types') }),
    ).toBeNull();
  });

  it('returns null for other services and for junk', () => {
    expect(connectionTypeOf({ connectionType: coding('dicom-qido-rs') })).toBeNull();
    expect(connectionTypeOf({ connectionType: 'dicom-wado-rs' })).toBeNull();
    expect(connectionTypeOf({ connectionType: { coding: 'dicom-wado-rs' } })).toBeNull();
    expect(connectionTypeOf({})).toBeNull();
    expect(connectionTypeOf(undefined)).toBeNull();
  });
});

describe('foreignImagingCodingOf', () => {
  it('finds an imaging code under another system, to explain why it was not used', () => {
    expect(
      foreignImagingCodingOf({ connectionType: coding('dicom-wado-rs', 'http://acme.example/types') }),
    ).toEqual({
      code: 'dicom-wado-rs',
      system: 'http://acme.example/types',
    });
    expect(foreignImagingCodingOf({ connectionType: coding('dicom-wado-rs') })).toBeNull();
    expect(
      foreignImagingCodingOf({ connectionType: coding('dicom-qido-rs', 'http://acme.example/types') }),
    ).toBeNull();
  });
});
