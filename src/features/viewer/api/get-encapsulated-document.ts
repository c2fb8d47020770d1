import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DicomJsonInstance } from '@/domain/imaging/dicom-json';
import { encapsulatedDocumentOf } from '@/domain/imaging/encapsulated-document';
import { firstMultipartPart } from '@/domain/imaging/multipart-related';
import { decodeBase64 } from '@/domain/text/base64';
import { fetchImagingBytes, type AuthorizationProvider } from '@/lib/imaging-http';
import { useImagingAuthorization } from '@/lib/smart-session';

/**
 * An Encapsulated Document's bytes: inline in its metadata, else its BulkDataURI fetched through the
 * imaging door (token policy, timeouts and retries as for any image).
 */
export async function getEncapsulatedDocument(
  metadata: DicomJsonInstance,
  authorizationFor: AuthorizationProvider,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const document = encapsulatedDocumentOf(metadata);
  if (document.inline) {
    const bytes = decodeBase64(document.inline);
    if (bytes) return bytes;
  }
  if (!document.bulkDataUri) throw new Error('The image server did not say where this document is.');
  const { body, contentType } = await fetchImagingBytes(document.bulkDataUri, {
    accept: 'multipart/related; type="application/octet-stream"',
    authorizationFor,
    signal,
  });
  return contentType.toLowerCase().startsWith('multipart/')
    ? firstMultipartPart(body, contentType).body
    : body;
}

export function encapsulatedDocumentQueryOptions(
  sopInstanceUid: string,
  metadata: DicomJsonInstance,
  authorizationFor: AuthorizationProvider,
) {
  // The document is named by its SOP Instance UID; its metadata only says where to fetch it.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- metadata: the UID identifies it
  return queryOptions({
    queryKey: ['encapsulated-document', sopInstanceUid],
    queryFn: ({ signal }) => getEncapsulatedDocument(metadata, authorizationFor, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function useEncapsulatedDocument(sopInstanceUid: string, metadata: DicomJsonInstance) {
  // Outside a session too: a document opened from local files is inline and needs no server.
  const authorizationFor = useImagingAuthorization();
  return useQuery(encapsulatedDocumentQueryOptions(sopInstanceUid, metadata, authorizationFor));
}
