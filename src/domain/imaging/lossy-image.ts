import { DicomTag, dicomString, type DicomJsonInstance } from './dicom-json';
import { isLossyTransferSyntax } from './transfer-syntax';

/** The stored transfer syntax when the server says it: (0002,0010) or AvailableTransferSyntaxUID. */
export function storedTransferSyntaxOf(instance: DicomJsonInstance): string | null {
  return (
    dicomString(instance, DicomTag.TransferSyntaxUid) ??
    dicomString(instance, DicomTag.AvailableTransferSyntaxUid)
  );
}

/**
 * Whether an image has been through lossy compression (PS3.3 C.7.6.1.1.5): LossyImageCompression "01"
 * says so for good, even after a lossless re-encoding; "00" says it never was. Without the attribute
 * the stored transfer syntax decides.
 */
export function isLossyImage(instance: DicomJsonInstance): boolean {
  const flag = dicomString(instance, DicomTag.LossyImageCompression);
  if (flag === '01') return true;
  if (flag === '00') return false;
  return isLossyTransferSyntax(storedTransferSyntaxOf(instance));
}
