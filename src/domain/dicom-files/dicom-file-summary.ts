/**
 * What one DICOM file says about itself, as far as grouping files into studies and describing them in
 * FHIR needs: its UIDs, numbers, descriptions, dates and the patient module. Read from the file's own
 * tags (the hierarchy lives in the tags, not in the folders) by whoever parses it.
 */
export interface DicomFileSummary {
  /** Where the file was found, relative to what was opened ("sub-01/sam-2/IM0001"). */
  path: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  sopClassUid: string;
  transferSyntaxUid: string | null;
  modality: string | null;
  studyDate: string | null;
  studyTime: string | null;
  seriesDate: string | null;
  seriesTime: string | null;
  /** TimezoneOffsetFromUTC (0008,0201), "+HHMM" / "-HHMM". */
  timezoneOffset: string | null;
  studyDescription: string | null;
  seriesDescription: string | null;
  seriesNumber: number | null;
  instanceNumber: number | null;
  numberOfFrames: number | null;
  accessionNumber: string | null;
  patientId: string | null;
  /** PN as written: FAMILY^GIVEN^MIDDLE^PREFIX^SUFFIX. */
  patientName: string | null;
  patientBirthDate: string | null;
  patientSex: string | null;
  bodyPartExamined: string | null;
  laterality: string | null;
  /** Document Title (0042,0010), else the concept name of an SR/KOS: a non-image object's title. */
  title: string | null;
}
