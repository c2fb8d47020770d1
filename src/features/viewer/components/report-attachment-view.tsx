import { useMemo } from 'react';
import { PdfDocument } from '@/components/ui/pdf-document';
import type { ReportAttachment } from '@/domain/fhir/imaging-report';
import { attachmentKindOf, unfetchableAttachmentReason } from '@/domain/fhir/report-attachment';
import { decodeUtf8 } from '@/domain/text/base64';
import { looksLikePdf } from '@/domain/imaging/encapsulated-document';
import { sanitizeReportHtml } from '@/lib/sanitize-report-html';
import { useSmartSession } from '@/lib/smart-session';
import { useAfterFirstPaint } from '@/rendering/use-after-first-paint';
import { useReportAttachment } from '../api/get-report-attachment';

/** One `presentedForm` of a report, shown as what it is; what cannot be shown says why. */
export function ReportAttachmentView({
  reportKey,
  index,
  attachment,
}: {
  reportKey: string;
  index: number;
  attachment: ReportAttachment;
}) {
  const { fhirBaseUrl } = useSmartSession();
  const refused = unfetchableAttachmentReason(attachment, fhirBaseUrl);
  const title = attachment.title ?? `Attachment ${index + 1}`;
  return (
    <section
      className="mt-3"
      data-testid="report-attachment"
      data-content-type={attachment.contentType ?? ''}
    >
      <h4 className="text-xs font-semibold text-slate-400 uppercase">{title}</h4>
      {refused ? (
        <p className="text-amber-300" role="note">
          {refused}
        </p>
      ) : (
        <AttachmentContent reportKey={reportKey} index={index} attachment={attachment} title={title} />
      )}
    </section>
  );
}

function AttachmentContent({
  reportKey,
  index,
  attachment,
  title,
}: {
  reportKey: string;
  index: number;
  attachment: ReportAttachment;
  title: string;
}) {
  const content = useReportAttachment(reportKey, index, attachment);
  // Fetched at once, but sanitised and laid out (or its PDF reader loaded) only once the study's first
  // image is drawn: a report's markup is tens of ms of the main thread, which the image must not wait for.
  const afterFirstPaint = useAfterFirstPaint();
  const bytes = afterFirstPaint ? content.data?.bytes : undefined;
  const kind = attachmentKindOf(content.data?.contentType ?? attachment.contentType);
  const html = useMemo(
    () => (bytes && kind === 'html' ? sanitizeReportHtml(decodeUtf8(bytes)) : null),
    [bytes, kind],
  );
  if (content.isPending || (content.isSuccess && !afterFirstPaint))
    return <p className="text-slate-400">Loading…</p>;
  if (content.isError) {
    return (
      <p className="text-amber-300" role="alert">
        {content.error.message}
      </p>
    );
  }
  if (!bytes) return null;
  if (kind === 'text') {
    return <pre className="font-sans whitespace-pre-wrap text-slate-200">{decodeUtf8(bytes)}</pre>;
  }
  if (html !== null) {
    // Sanitized to text structure only (no attributes, scripts, styles or images): see sanitize-report-html.ts.
    return (
      <div
        className="report-html space-y-2 text-slate-200"
        data-testid="report-html"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    );
  }
  if (kind === 'pdf') {
    return looksLikePdf(bytes) ? (
      <PdfDocument key={`${reportKey}:${index}`} bytes={bytes} title={title} width={440} />
    ) : (
      <p className="text-amber-300" role="alert">
        This attachment says it is a PDF but is not one; it is not shown.
      </p>
    );
  }
  return (
    <p className="text-slate-400" role="note">
      This attachment ({attachment.contentType ?? 'no content type'}) cannot be shown here.
    </p>
  );
}
