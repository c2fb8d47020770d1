import { useState } from 'react';
import { Link } from 'react-router';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import type { StudyListEntry } from '@/domain/fhir/study-list';
import { SeriesThumbnail } from './series-thumbnail';
import { StackViewport } from './stack-viewport';

interface ViewerScreenProps {
  entry: StudyListEntry;
  patient: PatientIdentity;
  initialSeriesUid: string | null;
}

export function ViewerScreen({ entry, patient, initialSeriesUid }: ViewerScreenProps) {
  const { resolved, summary } = entry;
  const studyUid = resolved.studyInstanceUid;
  const firstViewable = resolved.series.findIndex((series) => series.wadoRs !== null && series.uid !== null);
  const requested = resolved.series.findIndex(
    (series) => series.uid !== null && series.uid === initialSeriesUid,
  );
  const [selected, setSelected] = useState(requested >= 0 ? requested : Math.max(0, firstViewable));
  const series = resolved.series[selected];

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-center gap-4 border-b border-slate-800 px-4 py-2 text-sm">
        <Link to="/" className="text-sky-300 hover:text-sky-200">
          ← All studies
        </Link>
        <h1 className="font-semibold" data-testid="viewer-study-description">
          {summary.description ?? 'Imaging study'}
        </h1>
        {entry.unavailableReason && <span className="text-amber-300">{entry.unavailableReason}</span>}
      </div>
      <div className="flex min-h-0 flex-1">
        <nav
          className="w-64 shrink-0 space-y-2 overflow-y-auto border-r border-slate-800 p-2"
          aria-label="Series"
        >
          {studyUid &&
            resolved.series.map((item, index) => (
              <SeriesThumbnail
                key={item.uid ?? `#${index}`}
                study={studyUid}
                series={item}
                selected={index === selected}
                onSelect={() => setSelected(index)}
              />
            ))}
        </nav>
        <main className="min-w-0 flex-1">
          {studyUid && series ? (
            <StackViewport
              key={series.uid ?? selected}
              studyUid={studyUid}
              study={summary}
              series={series}
              patient={patient}
            />
          ) : (
            <p className="p-6 text-amber-300" role="alert">
              {resolved.errors[0] ?? 'This study lists no series to show.'}
            </p>
          )}
        </main>
      </div>
    </div>
  );
}
