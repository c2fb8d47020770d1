/** The part of dcmjs (0.52) the tests and e2e fixtures use to rewrite and write DICOM files; dcmjs ships no types (one copy: tsconfig.node.json includes it too). */
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
