import type { ReactNode } from 'react';
import { IdentityText } from '@/components/ui/untrusted-text';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { Study } from '@/domain/fhir/study';
import { useCompleteStudy } from '@/features/study-list/api/get-complete-study';
import { useLinkedStudy } from '@/features/study-list/api/find-linked-study';

type CompareRequest = { kind: 'study-uid'; studyUid: StudyInstanceUid } | { kind: 'invalid'; raw: string };

/**
 * The second study of a comparison link, looked up as the first one is (the list's copy, else a FHIR
 * search within the patient). The first study is shown whatever becomes of the second: a malformed,
 * unknown or failing second study is said so above it, and nothing else is lost.
 */
export function ComparedStudy({
  request,
  children,
}: {
  request: CompareRequest;
  children: (other: Study | null) => ReactNode;
}) {
  if (request.kind === 'invalid') {
    return (
      <WithNotice
        notice={
          <>
            The second study of this link, “<IdentityText text={request.raw} />
            ”, is not a study identifier.
          </>
        }
      >
        {children(null)}
      </WithNotice>
    );
  }
  return <LinkedComparison studyUid={request.studyUid}>{children}</LinkedComparison>;
}

function LinkedComparison({
  studyUid,
  children,
}: {
  studyUid: StudyInstanceUid;
  children: (other: Study | null) => ReactNode;
}) {
  const linked = useLinkedStudy({ kind: 'study-uid', studyUid, seriesUid: null });
  const complete = useCompleteStudy(linked.data ?? null);
  if (linked.isPending || (linked.data && complete.isPending)) {
    return (
      <p className="p-6 text-slate-400" data-testid="compare-loading">
        Looking up the study to compare…
      </p>
    );
  }
  const problem = linked.isError
    ? `The study to compare could not be looked up: ${linked.error.message}`
    : linked.data === null
      ? `Study ${studyUid} was not found for this patient: it cannot be compared.`
      : complete.isError
        ? `The study to compare could not be opened: ${complete.error.message}`
        : null;
  if (problem || !complete.data) {
    return (
      <WithNotice notice={problem ?? 'The study to compare could not be opened.'}>
        {children(null)}
      </WithNotice>
    );
  }
  return children(complete.data);
}

function WithNotice({ notice, children }: { notice: ReactNode; children: ReactNode }) {
  return (
    <div className="flex h-full min-h-0 flex-col">
      <p
        role="alert"
        className="border-b border-slate-800 px-4 py-1 text-sm text-amber-300"
        data-testid="compare-problem"
      >
        {notice}
      </p>
      <div className="min-h-0 flex-1">{children}</div>
    </div>
  );
}
