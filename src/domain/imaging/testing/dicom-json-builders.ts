/** Small builders of DICOM JSON (PS3.18 F.2) for tests: `{ tag: { vr, Value: [...] } }`. */
import type { DicomJsonInstance } from '../dicom-json';

export const text = (vr: string, ...values: (string | number)[]) => ({ vr, Value: values });
export const sequence = (...items: DicomJsonInstance[]) => ({ vr: 'SQ', Value: items });
export const code = (value: string, scheme: string, meaning: string): DicomJsonInstance => ({
  '00080100': text('SH', value),
  '00080102': text('SH', scheme),
  '00080104': text('LO', meaning),
});
