/** dcmjs (0.52) for the unit tests that write DICOM files (as e2e/types/dcmjs.d.ts); dcmjs ships no types. */
declare module 'dcmjs' {
  type DicomJson = Record<string, { vr: string; Value?: unknown[] }>;
  interface DicomDictInstance {
    meta: DicomJson;
    dict: DicomJson;
    write(): ArrayBuffer;
  }
  const dcmjs: {
    data: {
      DicomMessage: { readFile(buffer: ArrayBuffer): DicomDictInstance };
      DicomMetaDictionary: {
        denaturalizeDataset(dataset: Record<string, unknown>): DicomJson;
      };
      DicomDict: new (meta: DicomJson) => DicomDictInstance;
    };
  };
  export default dcmjs;
}
