/**
 * Readers for the DICOM JSON model (PS3.18 F.2) that WADO-RS metadata and QIDO-RS return:
 * `{ "0020000D": { "vr": "UI", "Value": ["1.2.3"] } }`. Untrusted input: readers never throw.
 */
export type DicomJsonInstance = Readonly<Record<string, unknown>>;

export const DicomTag = {
  SopClassUid: '00080016',
  SopInstanceUid: '00080018',
  Modality: '00080060',
  InstanceAvailability: '00080056',
  StudyInstanceUid: '0020000D',
  SeriesInstanceUid: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  ImagePositionPatient: '00200032',
  ImageOrientationPatient: '00200037',
  NumberOfFrames: '00280008',
  PatientName: '00100010',
  PatientId: '00100020',
  SeriesDescription: '0008103E',
  SeriesDate: '00080021',
  StudyDate: '00080020',
  StudyDescription: '00081030',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  TransferSyntaxUid: '00020010',
  AvailableTransferSyntaxUid: '00083002',
  LossyImageCompression: '00282110',
  LossyImageCompressionRatio: '00282112',
  PhotometricInterpretation: '00280004',
  FrameTime: '00181063',
  RecommendedDisplayFrameRate: '00082144',
  CineRate: '00180040',
  Rows: '00280010',
  Columns: '00280011',
  BitsAllocated: '00280100',
  SamplesPerPixel: '00280002',
  // Structured reporting and key objects (PS3.3 C.17)
  ValueType: '0040A040',
  RelationshipType: '0040A010',
  ConceptNameCodeSequence: '0040A043',
  ConceptCodeSequence: '0040A168',
  ContentSequence: '0040A730',
  TextValue: '0040A160',
  MeasuredValueSequence: '0040A300',
  NumericValue: '0040A30A',
  MeasurementUnitsCodeSequence: '004008EA',
  DateTimeValue: '0040A120',
  DateValue: '0040A121',
  TimeValue: '0040A122',
  PersonNameValue: '0040A123',
  UidValue: '0040A124',
  CompletionFlag: '0040A491',
  VerificationFlag: '0040A493',
  CurrentRequestedProcedureEvidenceSequence: '0040A375',
  ReferencedSeriesSequence: '00081115',
  ReferencedSopSequence: '00081199',
  ReferencedSopClassUid: '00081150',
  ReferencedSopInstanceUid: '00081155',
  CodeValue: '00080100',
  CodingSchemeDesignator: '00080102',
  CodeMeaning: '00080104',
  // Encapsulated documents (PS3.3 C.24.2)
  DocumentTitle: '00420010',
  EncapsulatedDocument: '00420011',
  MimeTypeOfEncapsulatedDocument: '00420012',
} as const;

export function isDicomJsonInstance(value: unknown): value is DicomJsonInstance {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valuesOf(instance: DicomJsonInstance, tag: string): unknown[] {
  const element = instance[tag];
  if (typeof element !== 'object' || element === null) return [];
  const values = (element as { Value?: unknown }).Value;
  return Array.isArray(values) ? values : [];
}

export function dicomString(instance: DicomJsonInstance, tag: string): string | null {
  const first = valuesOf(instance, tag)[0];
  if (typeof first === 'string') return first.trim() || null;
  if (typeof first === 'number') return String(first);
  return null;
}

/** Numbers, accepting DS/IS values sent as strings (as some servers do). */
export function dicomNumbers(instance: DicomJsonInstance, tag: string): number[] {
  return valuesOf(instance, tag)
    .map((value) => (typeof value === 'string' ? Number(value) : value))
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
}

export function dicomNumber(instance: DicomJsonInstance, tag: string): number | null {
  return dicomNumbers(instance, tag)[0] ?? null;
}

/** PN values are objects: `{ Alphabetic: "DOE^JANE" }`. */
export function dicomPersonName(instance: DicomJsonInstance, tag: string): string | null {
  const first = valuesOf(instance, tag)[0];
  if (typeof first === 'object' && first !== null) {
    const alphabetic = (first as { Alphabetic?: unknown }).Alphabetic;
    return typeof alphabetic === 'string' && alphabetic.trim() ? alphabetic.trim() : null;
  }
  return typeof first === 'string' && first.trim() ? first.trim() : null;
}

/** The items of a sequence (SQ): each a data set in the same JSON model; [] when absent or malformed. */
export function dicomItems(instance: DicomJsonInstance, tag: string): DicomJsonInstance[] {
  return valuesOf(instance, tag).filter(isDicomJsonInstance);
}

/** An element's BulkDataURI (PS3.18 F.2.6), or null when the value is inline or absent. */
export function dicomBulkDataUri(instance: DicomJsonInstance, tag: string): string | null {
  const element = instance[tag];
  if (typeof element !== 'object' || element === null) return null;
  const uri = (element as { BulkDataURI?: unknown }).BulkDataURI;
  return typeof uri === 'string' && uri.trim() ? uri.trim() : null;
}

/** An element's InlineBinary (base64, PS3.18 F.2.7), or null. */
export function dicomInlineBinary(instance: DicomJsonInstance, tag: string): string | null {
  const element = instance[tag];
  if (typeof element !== 'object' || element === null) return null;
  const inline = (element as { InlineBinary?: unknown }).InlineBinary;
  return typeof inline === 'string' && inline ? inline : null;
}
