/**
 * Transfer syntax rules the viewer acts on (DICOM PS3.5 §10, PS3.18 §8.7.3): which frames a WADO-RS
 * server must be asked to transcode, and which encodings lost information.
 */
export const TransferSyntax = {
  ImplicitVrLittleEndian: '1.2.840.10008.1.2',
  ExplicitVrLittleEndian: '1.2.840.10008.1.2.1',
  DeflatedExplicitVrLittleEndian: '1.2.840.10008.1.2.1.99',
  ExplicitVrBigEndian: '1.2.840.10008.1.2.2',
} as const;

/**
 * Encodings that are never lossless. JPEG 2000 (.91) and JPEG-LS near-lossless (.81) *may* be lossless,
 * but PS3.5 says to treat them as lossy unless LossyImageCompression says otherwise, which it does
 * whenever it is present: that is checked first by `isLossyImage`.
 */
const LOSSY = new Set([
  '1.2.840.10008.1.2.4.50', // JPEG baseline
  '1.2.840.10008.1.2.4.51', // JPEG extended
  '1.2.840.10008.1.2.4.52',
  '1.2.840.10008.1.2.4.53', // spectral selection
  '1.2.840.10008.1.2.4.54',
  '1.2.840.10008.1.2.4.55', // full progression
  '1.2.840.10008.1.2.4.56',
  '1.2.840.10008.1.2.4.59',
  '1.2.840.10008.1.2.4.60',
  '1.2.840.10008.1.2.4.61',
  '1.2.840.10008.1.2.4.62',
  '1.2.840.10008.1.2.4.63',
  '1.2.840.10008.1.2.4.64',
  '1.2.840.10008.1.2.4.81', // JPEG-LS near-lossless
  '1.2.840.10008.1.2.4.91', // JPEG 2000 (lossy or lossless)
  '1.2.840.10008.1.2.4.93',
  '1.2.840.10008.1.2.4.100', // MPEG2 …
  '1.2.840.10008.1.2.4.101',
  '1.2.840.10008.1.2.4.102',
  '1.2.840.10008.1.2.4.103',
  '1.2.840.10008.1.2.4.104',
  '1.2.840.10008.1.2.4.105',
  '1.2.840.10008.1.2.4.106',
  '1.2.840.10008.1.2.4.107',
  '1.2.840.10008.1.2.4.108',
  '1.2.840.10008.1.2.4.111', // JPEG XL (lossy-capable)
  '1.2.840.10008.1.2.4.112', // JPEG XL
  '1.2.840.10008.1.2.4.202', // HTJ2K (lossy-capable)
  '1.2.840.10008.1.2.4.203', // HTJ2K
]);

export function isLossyTransferSyntax(uid: string | null | undefined): boolean {
  return uid ? LOSSY.has(uid.trim()) : false;
}

/**
 * What to put in a frame request's `transfer-syntax=` parameter. Frames are raw pixel bytes without a
 * header, so a server can hand back big-endian or deflated data only by transcoding; several (Orthanc
 * among them) refuse `transfer-syntax=*` for those with an error instead. Asking for explicit little
 * endian is always allowed (PS3.18 §8.7.3.5.2 makes it the default for uncompressed frames).
 */
export function frameTransferSyntaxToRequest(stored: string | null | undefined): string {
  const uid = stored?.trim();
  if (uid === TransferSyntax.ExplicitVrBigEndian || uid === TransferSyntax.DeflatedExplicitVrLittleEndian)
    return TransferSyntax.ExplicitVrLittleEndian;
  return '*';
}

/** The `Accept` header of a WADO-RS frame request for that transfer syntax (or `*`: any). */
export function frameAcceptHeader(transferSyntax: string): string {
  return `multipart/related; type=application/octet-stream; transfer-syntax=${transferSyntax}`;
}

/**
 * Whether a failed `transfer-syntax=*` frame request is worth one retry as explicit little endian:
 * the server could not send the stored encoding (500 from Orthanc, 406 or 415 from stricter ones, and
 * 400 from Orthanc for JPEG fragments without a Basic Offset Table, which it cannot cut into frames
 * as stored but can decode). Authorisation and not-found failures are not retried: a second request
 * would fail the same way.
 */
export function isRetryableAsExplicitLittleEndian(status: number | null): boolean {
  return status === 400 || status === 500 || status === 406 || status === 415;
}

/** What a frame part's media type implies when it names no transfer syntax (PS3.18 Table 8.7.3-5). */
const TRANSFER_SYNTAX_BY_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'image/jpeg': '1.2.840.10008.1.2.4.50',
  'image/x-dicom-rle': '1.2.840.10008.1.2.5',
  'image/dicom-rle': '1.2.840.10008.1.2.5',
  'image/x-jls': '1.2.840.10008.1.2.4.80',
  'image/jls': '1.2.840.10008.1.2.4.80',
  'image/jll': '1.2.840.10008.1.2.4.70',
  'image/jp2': '1.2.840.10008.1.2.4.90',
  'image/jpx': '1.2.840.10008.1.2.4.92',
  'image/jxl': '1.2.840.10008.1.2.4.110',
  'image/jphc': '3.2.840.10008.1.2.4.96',
};

/**
 * The transfer syntax of a frame, from its part's (or response's) Content-Type: the `transfer-syntax`
 * parameter, else what the media type implies; null for `application/octet-stream` without one.
 */
export function transferSyntaxOfContentType(contentType: string): string | null {
  const named = /transfer-syntax\s*=\s*"?([0-9.]+)"?/i.exec(contentType)?.[1];
  if (named) return named;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return TRANSFER_SYNTAX_BY_MEDIA_TYPE[mediaType] ?? null;
}
