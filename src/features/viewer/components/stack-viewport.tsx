import { useMemo } from 'react';
import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { ResolvedSeries } from '@/domain/fhir/resolved-study';
import type { StudySummary } from '@/domain/fhir/study-summary';
import { useSmartSession } from '@/lib/smart-session';
import { useStackViewport } from '@/rendering/use-stack-viewport';
import { useSeriesStack } from '../api/get-series-stack';
import { ViewportOverlay } from './viewport-overlay';

interface StackViewportProps {
  studyUid: StudyInstanceUid;
  study: StudySummary;
  series: ResolvedSeries;
  patient: PatientIdentity;
}

export function StackViewport({ studyUid, study, series, patient }: StackViewportProps) {
  const { authorizationFor } = useSmartSession();
  const stack = useSeriesStack(studyUid, series);
  const input = useMemo(() => (stack.data ? { entries: stack.data.entries } : null), [stack.data]);
  const { attachElement, state, error } = useStackViewport(input, authorizationFor);
  const problem = stack.isError ? stack.error.message : (error?.message ?? null);

  return (
    <div
      className="relative h-full w-full bg-black"
      data-testid="viewport"
      data-series-uid={series.uid ?? ''}
      data-image-index={state?.imageIndex ?? ''}
      data-image-count={state?.imageCount ?? ''}
      data-window-center={state?.windowCenter ?? ''}
      data-window-width={state?.windowWidth ?? ''}
    >
      <div ref={attachElement} className="absolute inset-0" data-testid="viewport-element" />
      <ViewportOverlay patient={patient} study={study} series={series} state={state} />
      {stack.isPending && <Centered>Loading series…</Centered>}
      {problem && (
        <Centered>
          <span role="alert" className="text-amber-300" data-testid="viewport-error">
            {problem}
          </span>
        </Centered>
      )}
    </div>
  );
}

function Centered({ children }: { children: React.ReactNode }) {
  return (
    <div className="absolute inset-0 flex items-center justify-center p-6 text-center text-sm">
      {children}
    </div>
  );
}
