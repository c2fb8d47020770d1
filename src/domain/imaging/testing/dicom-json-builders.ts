/** Small builders of DICOM JSON (PS3.18 F.2) for tests: `{ tag: { vr, Value: [...] } }`. */
import type { DicomJsonInstance } from '../dicom-json';

export const text = (vr: string, ...values: (string | number)[]) => ({ vr, Value: values });
export const sequence = (...items: DicomJsonInstance[]) => ({ vr: 'SQ', Value: items });
export const code = (value: string, scheme: string, meaning: string): DicomJsonInstance => ({
  '00080100': text('SH', value),
  '00080102': text('SH', scheme),
  '00080104': text('LO', meaning),
});

/**
 * A 2 × 1 image of native 8-bit greyscale samples (MONOCHROME2, no window: its range is shown), which
 * first-paint.ts draws: its pixel data is two bytes.
 */
export const twoPixelGreyImage = (extra: DicomJsonInstance = {}): DicomJsonInstance => ({
  '00080060': text('CS', 'OT'),
  '00280004': text('CS', 'MONOCHROME2'),
  '00280002': text('US', 1),
  '00280010': text('US', 1),
  '00280011': text('US', 2),
  '00280100': text('US', 8),
  '00280101': text('US', 8),
  '00280103': text('US', 0),
  ...extra,
});
