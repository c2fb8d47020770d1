import type { NoPreview } from '@/domain/fhir/study-thumbnail';

/** Why there is no preview, in a few words; the whole sentence on hover and for assistive technology. */
export function PreviewFailure({ reason }: { reason: NoPreview }) {
  return (
    <span
      className="p-0.5 text-center leading-tight [overflow-wrap:anywhere]"
      title={reason.sentence}
      aria-label={reason.sentence}
      data-testid="study-thumbnail-failure"
    >
      {reason.brief}
    </span>
  );
}
