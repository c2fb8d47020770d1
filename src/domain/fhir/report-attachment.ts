/**
 * How a report's `presentedForm` is shown, and where its content may be fetched from: only from the
 * FHIR server itself (a Binary), with the token; an attachment URL anywhere else is not followed.
 */
import type { ReportAttachment } from './imaging-report';

export type AttachmentKind = 'text' | 'html' | 'pdf' | 'unsupported';

export function attachmentKindOf(contentType: string | null): AttachmentKind {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/plain') return 'text';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf') return 'pdf';
  return 'unsupported';
}

/**
 * The absolute URL of an attachment on the FHIR server (relative `Binary/…` resolved against the
 * base), or null when it points anywhere else: other hosts, other paths, other schemes.
 */
export function attachmentUrlOnFhirServer(url: string, fhirBaseUrl: string): string | null {
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(fhirBaseUrl.endsWith('/') ? fhirBaseUrl : `${fhirBaseUrl}/`);
    resolved = new URL(url, base);
  } catch {
    return null;
  }
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) return null;
  if (resolved.username || resolved.password) return null;
  return resolved.href;
}

/** What the panel says about an attachment it does not fetch or show. */
export function unfetchableAttachmentReason(
  attachment: ReportAttachment,
  fhirBaseUrl: string,
): string | null {
  if (attachment.data !== null) return null;
  if (attachment.url === null) return 'This attachment has no content.';
  return attachmentUrlOnFhirServer(attachment.url, fhirBaseUrl) === null
    ? 'This attachment is stored outside the FHIR server; the viewer does not fetch it.'
    : null;
}
