import type { StudyInstanceUid } from '@/domain/dicomweb/dicom-uid';
import { UntrustedText } from '@/components/ui/untrusted-text';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { Study } from '@/domain/fhir/study';
import type { ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import { formatStudyStarted } from '@/lib/format-fhir-date';
import type { StackViewportController } from '@/rendering/use-stack-viewport';
import { useStudyKeyImages } from '../api/get-key-images';
import type { CommandBus } from '../model/command-bus';
import { useStudyIdentityCheck } from '../use-study-identity-check';
import { StackViewport } from './stack-viewport';
import { StudyPatientMismatch } from './study-patient-mismatch';
import { ViewportBoundary } from './viewport-boundary';

interface ComparePaneProps {
  side: 0 | 1;
  study: Study;
  patient: PatientIdentity;
  prior: boolean;
  seriesIndex: number | null;
  onSeries: (index: number) => void;
  active: boolean;
  onActivate: () => void;
  bus: CommandBus;
  tool: ViewerTool;
  cineFps: number | null;
  onController: (controller: StackViewportController | null) => void;
}

/**
 * One of two studies side by side: which study it is (date first, PRIOR on the older), the study's
 * own patient check, a choice of its series, and its viewport.
 */
export function ComparePane({
  side,
  study,
  patient,
  prior,
  seriesIndex,
  onSeries,
  active,
  onActivate,
  bus,
  tool,
  cineFps,
  onController,
}: ComparePaneProps) {
  const { mismatch } = useStudyIdentityCheck(study, patient);
  const keyImages = useStudyKeyImages(study);
  const series = seriesIndex === null ? undefined : study.series[seriesIndex];
  const studyUid: StudyInstanceUid | null = study.studyInstanceUid;
  return (
    <section
      className="flex min-h-0 min-w-0 flex-col bg-black"
      aria-label={`${prior ? 'Prior study' : 'Study'} of ${formatStudyStarted(study)}`}
      data-testid="compare-pane"
      data-side={side}
      data-study-uid={studyUid ?? ''}
      data-prior={prior}
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-800 bg-slate-950 px-3 py-1 text-sm [overflow-wrap:anywhere]">
        <span className="shrink-0 text-base font-bold text-white" data-testid="compare-pane-date">
          {formatStudyStarted(study)}
        </span>
        {prior && (
          <span
            className="shrink-0 rounded bg-violet-600 px-1.5 text-xs font-bold text-white"
            data-testid="compare-pane-prior"
          >
            PRIOR
          </span>
        )}
        <span className="min-w-0 flex-1 basis-32 truncate text-slate-300">
          <UntrustedText text={study.description} fallback="Imaging study" titled />
        </span>
        <label className="flex shrink-0 items-center gap-1 text-xs text-slate-400">
          Series
          <select
            className="max-w-48 rounded border border-slate-700 bg-slate-900 px-1 text-slate-100"
            value={seriesIndex ?? ''}
            onChange={(event) => onSeries(Number(event.target.value))}
            data-testid="compare-pane-series"
          >
            {study.series.map((item, index) =>
              item.key === null ? null : (
                <option key={item.key} value={index}>
                  {item.number ?? '?'} {item.modality ?? ''} {item.description ?? ''}
                </option>
              ),
            )}
          </select>
        </label>
        {mismatch && <StudyPatientMismatch patient={patient} className="w-full" />}
      </div>
      <div className="relative min-h-0 flex-1">
        {studyUid && series ? (
          <ViewportBoundary key={series.uid ?? seriesIndex}>
            <StackViewport
              studyUid={studyUid}
              study={study}
              series={series}
              patient={patient}
              slot={side}
              active={active}
              bus={bus}
              tool={tool}
              cineFps={cineFps}
              onActivate={onActivate}
              onDropSeries={() => undefined}
              keyImages={keyImages}
              keyImagesOnly={false}
              comparing={{ prior }}
              onController={onController}
            />
          </ViewportBoundary>
        ) : (
          <p className="p-6 text-amber-300" role="alert">
            {study.errors[0] ?? 'This study lists no series to show.'}
          </p>
        )}
      </div>
    </section>
  );
}
