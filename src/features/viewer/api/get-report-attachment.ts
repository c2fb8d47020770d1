import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReportAttachment } from '@/domain/fhir/imaging-report';
import { field, readText } from '@/domain/fhir/json-read';
import { attachmentUrlOnFhirServer } from '@/domain/fhir/report-attachment';
import { decodeBase64 } from '@/domain/text/base64';
import { useSmartSession, type SmartSession } from '@/lib/smart-session';

export interface AttachmentContent {
  bytes: Uint8Array;
  contentType: string | null;
}

/**
 * A report attachment's bytes: inline data as given, else the Binary it points to, read from the FHIR
 * server (through the session, with the token) and nowhere else.
 */
export async function getReportAttachment(
  session: Pick<SmartSession, 'fhirGet' | 'fhirBaseUrl'>,
  attachment: ReportAttachment,
  signal?: AbortSignal,
): Promise<AttachmentContent> {
  if (attachment.data !== null)
    return { bytes: decoded(attachment.data), contentType: attachment.contentType };
  const url = attachment.url === null ? null : attachmentUrlOnFhirServer(attachment.url, session.fhirBaseUrl);
  if (url === null)
    throw new Error('This attachment is stored outside the FHIR server; the viewer does not fetch it.');
  const binary = await session.fhirGet(url, signal);
  const data = readText(field(binary, 'data'));
  if (readText(field(binary, 'resourceType')) !== 'Binary' || data === null) {
    throw new Error('The FHIR server did not return the attachment as a Binary with content.');
  }
  return {
    bytes: decoded(data),
    contentType: readText(field(binary, 'contentType')) ?? attachment.contentType,
  };
}

function decoded(data: string): Uint8Array {
  const bytes = decodeBase64(data);
  if (!bytes) throw new Error('The attachment is not valid base64.');
  return bytes;
}

export function reportAttachmentQueryOptions(
  session: Pick<SmartSession, 'fhirGet' | 'fhirBaseUrl'>,
  reportKey: string,
  index: number,
  attachment: ReportAttachment,
) {
  // The attachment is identified by its report and position; the data itself is not hashed into the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- attachment: reportKey and index name it
  return queryOptions({
    queryKey: ['report-attachment', session.fhirBaseUrl, reportKey, index, attachment.url],
    queryFn: ({ signal }) => getReportAttachment(session, attachment, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function useReportAttachment(reportKey: string, index: number, attachment: ReportAttachment) {
  return useQuery(reportAttachmentQueryOptions(useSmartSession(), reportKey, index, attachment));
}
