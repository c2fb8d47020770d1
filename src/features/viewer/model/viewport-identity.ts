import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import {
  DicomTag,
  dicomNumbers,
  dicomPersonName,
  dicomString,
  type DicomJsonInstance,
} from '@/domain/imaging/dicom-json';
import { isLossyImage } from '@/domain/imaging/lossy-image';
import {
  comparePatients,
  patientForMatchingOf,
  type DicomPatient,
  type PatientMatch,
} from '@/domain/imaging/patient-match';
import { isLossyTransferSyntax } from '@/domain/imaging/transfer-syntax';

/**
 * Whether the DICOM on screen is the patient in context: by the instance's metadata, or, when that
 * names nobody (WADO-URI's stack knows only what FHIR lists), by the drawn image's own header.
 */
export function patientMatchOf(
  patient: PatientIdentity,
  instance: DicomJsonInstance,
  drawnPatient: DicomPatient | null = null,
): PatientMatch {
  const described = {
    id: dicomString(instance, DicomTag.PatientId),
    name: dicomPersonName(instance, DicomTag.PatientName),
  };
  const named = described.id !== null || described.name !== null;
  return comparePatients(patientForMatchingOf(patient), named ? described : (drawnPatient ?? described));
}

/** Lossy by the instance's own attributes, or by the encoding the frame actually arrived in. */
export function isShownImageLossy(
  instance: DicomJsonInstance,
  deliveredTransferSyntax: string | null,
): boolean {
  return isLossyImage(instance) || isLossyTransferSyntax(deliveredTransferSyntax);
}

/** Orientation markers need ImageOrientationPatient: without it any marker would be invented. */
export function hasPatientGeometry(instance: DicomJsonInstance): boolean {
  return dicomNumbers(instance, DicomTag.ImageOrientationPatient).length === 6;
}
