import type { DicomStudyGroup } from '@/domain/dicom-files/group-dicom-files';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import { comparePatients, patientForMatchingOf } from '@/domain/imaging/patient-match';

/**
 * Whether any file of the study names a patient other than the one in context (PatientID or
 * PatientName, by the viewer's own rule: patient-match.ts).
 */
export function studyNamesAnotherPatient(group: DicomStudyGroup, patient: PatientIdentity): boolean {
  const inContext = patientForMatchingOf(patient);
  return group.series.some((series) =>
    series.instances.some(
      (file) =>
        comparePatients(inContext, { id: file.patientId, name: file.patientName }).status === 'mismatch',
    ),
  );
}
