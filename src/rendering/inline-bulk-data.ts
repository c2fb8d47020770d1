import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import { firstMultipartPart, toInlineBinary } from '@/domain/imaging/multipart-related';
import { fetchImagingBytes, type AuthorizationProvider } from '@/lib/imaging-http';

/**
 * Attributes the decoder needs in the metadata itself but that servers send as BulkDataURI: the
 * palette colour lookup tables (normal and segmented). Cornerstone cannot fetch them with our token,
 * so they are fetched here and inlined as InlineBinary, once per URI for the whole page (a thumbnail
 * in the list and the viewport register the same instance).
 */
const NEEDED_INLINE = ['00281201', '00281202', '00281203', '00281221', '00281222', '00281223'];

const fetched = new Map<string, Promise<string>>();

export async function inlineNeededBulkData(
  instances: readonly DicomJsonInstance[],
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<DicomJsonInstance[]> {
  const fetchOnce = (url: string) => {
    let pending = fetched.get(url);
    if (!pending) {
      pending = fetchBulkData(url, authorizationFor, signal);
      // A failed fetch is not remembered: the next registration tries again.
      pending.catch(() => fetched.delete(url));
      fetched.set(url, pending);
    }
    return pending;
  };
  return Promise.all(
    instances.map(async (instance) => {
      const replacements = await Promise.all(
        NEEDED_INLINE.map(async (tag) => {
          const element = instance[tag] as
            { vr?: unknown; BulkDataURI?: unknown; InlineBinary?: unknown } | undefined;
          if (!element || typeof element.BulkDataURI !== 'string' || typeof element.InlineBinary === 'string')
            return null;
          const inline = await fetchOnce(element.BulkDataURI);
          return [tag, { vr: element.vr ?? 'OW', InlineBinary: inline }] as const;
        }),
      );
      const found = replacements.filter((entry) => entry !== null);
      return found.length === 0 ? instance : { ...instance, ...Object.fromEntries(found) };
    }),
  );
}

async function fetchBulkData(
  url: string,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<string> {
  const { body, contentType } = await fetchImagingBytes(url, {
    accept: 'multipart/related; type="application/octet-stream"',
    authorizationFor,
    signal,
  });
  return toInlineBinary(firstMultipartPart(body, contentType).body);
}
