import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DicomFile } from '../pacs/dicom-files.ts';

/** Where Debian's `python3-pydicom` puts pydicom's own test images (the package ships them). */
export const PYDICOM_TEST_FILES_DIR = '/usr/lib/python3/dist-packages/pydicom/data/test_files';

/**
 * The image files among them, one per transfer syntax or photometric case worth showing: the MR_small
 * set is one image in seven syntaxes (MR_small.dcm is the uncompressed reference), image_dfl is
 * deflated; the rest are CT, colour, YBR and lossy JPEG. Non-image objects (segmentations such as the
 * liver files, RT plans, SR, waveforms) and the files kept to test broken input stay out.
 */
export const PYDICOM_TEST_IMAGES = [
  'MR_small.dcm',
  'MR_small_implicit.dcm',
  'MR_small_bigendian.dcm',
  'MR_small_expb.dcm',
  'MR_small_RLE.dcm',
  'MR_small_jp2klossless.dcm',
  'MR_small_jpeg_ls_lossless.dcm',
  'CT_small.dcm',
  'image_dfl.dcm',
  'JPEG-lossy.dcm',
  'JPGExtended.dcm',
  'JPEG2000.dcm',
  'SC_rgb_rle.dcm',
  'SC_rgb_rle_16bit.dcm',
  'SC_rgb_rle_2frame.dcm',
  'SC_rgb_jpeg_dcmtk.dcm',
  'SC_rgb_small_odd.dcm',
  'SC_ybr_full_422_uncompressed.dcm',
] as const;

export function hasPydicomTestFiles(): boolean {
  return existsSync(PYDICOM_TEST_FILES_DIR);
}

export function isPydicomTestImage(file: DicomFile): boolean {
  return (PYDICOM_TEST_IMAGES as readonly string[]).includes(basename(file.name));
}

/** The position in PYDICOM_TEST_IMAGES: series are numbered in that order. */
export function pydicomTestImageOrder(file: DicomFile): number {
  return (PYDICOM_TEST_IMAGES as readonly string[]).indexOf(basename(file.name));
}
