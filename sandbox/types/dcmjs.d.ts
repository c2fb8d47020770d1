/** The part of dcmjs (0.52) the sandbox uses to write DICOM objects with sequences; dcmjs ships no types. */
declare module 'dcmjs' {
  type NaturalDataset = Record<string, unknown>;
  interface DicomDictInstance {
    dict: Record<string, unknown>;
    write(options?: { fragmentMultiframe?: boolean }): ArrayBuffer;
  }
  const dcmjs: {
    data: {
      DicomMetaDictionary: {
        denaturalizeDataset(dataset: NaturalDataset): Record<string, unknown>;
      };
      DicomDict: new (meta: Record<string, unknown>) => DicomDictInstance;
    };
  };
  export default dcmjs;
}
