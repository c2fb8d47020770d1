import type { DicomFileSummary } from '../dicom-file-summary';

/** A DICOM file summary for tests: UIDs and path required, everything else null unless given. */
export function summary(
  path: string,
  uids: { study: string; series: string; instance: string },
  extra: Partial<DicomFileSummary> = {},
): DicomFileSummary {
  return {
    path,
    studyInstanceUid: uids.study,
    seriesInstanceUid: uids.series,
    sopInstanceUid: uids.instance,
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    transferSyntaxUid: null,
    modality: null,
    studyDate: null,
    studyTime: null,
    seriesDate: null,
    seriesTime: null,
    timezoneOffset: null,
    studyDescription: null,
    seriesDescription: null,
    seriesNumber: null,
    instanceNumber: null,
    numberOfFrames: null,
    accessionNumber: null,
    patientId: null,
    patientName: null,
    patientBirthDate: null,
    patientSex: null,
    bodyPartExamined: null,
    laterality: null,
    title: null,
    ...extra,
  };
}
