/**
 * DICOM files described as FHIR R4: a Bundle (type `collection`) with one ImagingStudy per study and,
 * when no patient is in context, the Patient the files name. Meets the UK Core ImagingStudy minimum
 * (status, modality, subject, encounter when known, series). Endpoints are left out: the files are
 * local, and a later upload can add them.
 */
import type { DicomFileSummary } from './dicom-file-summary';
import { fhirDateOf, fhirDateTimeOf } from './dicom-date-time';
import type { DicomSeriesGroup, DicomStudyGroup } from './group-dicom-files';
import { nameBasedUuid } from './name-based-uuid';

type Json = Record<string, unknown>;

export interface BundleOptions {
  /** `Patient/ID` in context; without it, a Patient built from the files' patient module is added. */
  subject?: string | null;
  /** `Encounter/ID` of the launch context, when known. */
  encounter?: string | null;
}

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const SCT = 'http://snomed.info/sct';
const ACSN = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'ACSN' }] };

/** DICOM Body Part Examined (CID 4031) → SNOMED CT, for the common regions; others keep the term only. */
const BODY_PARTS: Readonly<Record<string, readonly [string, string]>> = {
  HEAD: ['69536005', 'Head'],
  BRAIN: ['12738006', 'Brain'],
  NECK: ['45048000', 'Neck'],
  CHEST: ['43799004', 'Chest'],
  ABDOMEN: ['818983003', 'Abdomen'],
  PELVIS: ['816092008', 'Pelvis'],
  BREAST: ['76752008', 'Breast'],
  HEART: ['80891009', 'Heart'],
  KNEE: ['72696002', 'Knee'],
};
const LATERALITY: Readonly<Record<string, readonly [string, string]>> = {
  R: ['24028007', 'Right'],
  L: ['7771000', 'Left'],
  B: ['51440002', 'Right and left'],
};

export function buildImagingStudyBundle(
  studies: readonly DicomStudyGroup[],
  options: BundleOptions = {},
): Json {
  const patients = new Map<string, { fullUrl: string; resource: Json }>();
  const subjectOf = (file: DicomFileSummary): string => {
    if (options.subject) return options.subject;
    const key = `${file.patientId ?? ''}|${file.patientName ?? ''}`;
    let patient = patients.get(key);
    if (!patient) {
      patient = { fullUrl: `urn:uuid:${nameBasedUuid(`patient:${key}`)}`, resource: patientOf(file) };
      patients.set(key, patient);
    }
    return patient.fullUrl;
  };
  const studyEntries = studies.flatMap((study) => {
    const first = study.series[0]?.instances[0];
    if (!first) return [];
    return [
      {
        fullUrl: `urn:uuid:${nameBasedUuid(`study:${study.uid}`)}`,
        resource: imagingStudyOf(study, first, subjectOf(first), options.encounter ?? null),
      },
    ];
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [...patients.values(), ...studyEntries],
  };
}

function imagingStudyOf(
  study: DicomStudyGroup,
  first: DicomFileSummary,
  subject: string,
  encounter: string | null,
): Json {
  const instances = study.series.flatMap((series) => series.instances);
  const modalities = [...new Set(study.series.map((series) => series.instances[0]?.modality ?? null))].filter(
    (code): code is string => code !== null,
  );
  const started = fhirDateTimeOf(first.studyDate, first.studyTime, first.timezoneOffset);
  return {
    resourceType: 'ImagingStudy',
    identifier: [
      { system: 'urn:dicom:uid', value: `urn:oid:${study.uid}` },
      ...(first.accessionNumber ? [{ type: ACSN, value: first.accessionNumber }] : []),
    ],
    status: 'available',
    ...(modalities.length > 0 ? { modality: modalities.map((code) => ({ system: DCM, code })) } : {}),
    subject: { reference: subject },
    ...(encounter ? { encounter: { reference: encounter } } : {}),
    ...(started ? { started } : {}),
    numberOfSeries: study.series.length,
    numberOfInstances: instances.length,
    ...(first.studyDescription ? { description: first.studyDescription } : {}),
    series: study.series.map(seriesOf),
  };
}

function seriesOf(series: DicomSeriesGroup): Json {
  const first = series.instances[0];
  const started = first ? fhirDateTimeOf(first.seriesDate, first.seriesTime, first.timezoneOffset) : null;
  const bodyPart = first?.bodyPartExamined?.toUpperCase() ?? null;
  const site = bodyPart ? BODY_PARTS[bodyPart] : undefined;
  const side = first?.laterality ? LATERALITY[first.laterality.toUpperCase()] : undefined;
  return {
    uid: series.uid,
    ...(first?.seriesNumber !== null && first?.seriesNumber !== undefined
      ? { number: first.seriesNumber }
      : {}),
    modality: { system: DCM, code: first?.modality ?? 'OT' },
    ...(first?.seriesDescription ? { description: first.seriesDescription } : {}),
    numberOfInstances: series.instances.length,
    ...(bodyPart
      ? { bodySite: site ? { system: SCT, code: site[0], display: site[1] } : { display: bodyPart } }
      : {}),
    ...(side ? { laterality: { system: SCT, code: side[0], display: side[1] } } : {}),
    ...(started ? { started } : {}),
    instance: series.instances.map((instance) => ({
      uid: instance.sopInstanceUid,
      sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${instance.sopClassUid}` },
      ...(instance.instanceNumber !== null ? { number: instance.instanceNumber } : {}),
      ...(instance.title ? { title: instance.title } : {}),
    })),
  };
}

function patientOf(file: DicomFileSummary): Json {
  const [family = '', given = '', middle = ''] = (file.patientName ?? '')
    .split('^')
    .map((part) => part.trim());
  const givens = [given, middle].filter(Boolean);
  const birthDate = fhirDateOf(file.patientBirthDate);
  const gender = { M: 'male', F: 'female', O: 'other' }[file.patientSex?.trim().toUpperCase() ?? ''] ?? null;
  return {
    resourceType: 'Patient',
    ...(file.patientId ? { identifier: [{ value: file.patientId }] } : {}),
    ...(family || givens.length > 0
      ? { name: [{ ...(family ? { family } : {}), ...(givens.length > 0 ? { given: givens } : {}) }] }
      : {}),
    ...(gender ? { gender } : {}),
    ...(birthDate ? { birthDate } : {}),
  };
}
