import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import { matchingSeriesIndex, priorOf } from '@/domain/fhir/prior-study';
import type { Study } from '@/domain/fhir/study';
import { viewerShortcuts, type ViewerCommand, type ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import { windowPresetsFor } from '@/domain/imaging/window-presets';
import type { StackViewportController } from '@/rendering/use-stack-viewport';
import { useViewportLink } from '@/rendering/use-viewport-link';
import { CommandBus } from '../model/command-bus';
import { stepSeries } from '../model/viewer-layout';
import { useViewerKeyboard } from '../use-viewer-keyboard';
import { ComparePane } from './compare-pane';
import { CompareSyncBar } from './compare-sync-bar';
import { ShortcutHelp } from './shortcut-help';
import { ViewerToolbar } from './viewer-toolbar';

interface CompareScreenProps {
  /** The study opened first (left). */
  study: Study;
  /** The study beside it (right), usually its prior. */
  other: Study;
  patient: PatientIdentity;
  initialSeriesUid: string | null;
  /** Told when the left study shows another series, e.g. for the URL. */
  onActiveSeriesChange?: (seriesUid: string) => void;
}

const viewableOf = (study: Study) =>
  study.series.flatMap((series, index) => (series.key !== null ? [index] : []));

/**
 * Two studies of the patient side by side, one viewport each, driven by one toolbar and one keyboard
 * (commands go to the active side). Their scrolling (and optionally their window) is synchronised.
 */
export function CompareScreen({
  study,
  other,
  patient,
  initialSeriesUid,
  onActiveSeriesChange,
}: CompareScreenProps) {
  const studies = [study, other] as const;
  const [seriesIndex, setSeriesIndex] = useState<[number | null, number | null]>(() => {
    const requested = study.series.findIndex(
      (series) => series.uid !== null && series.uid === initialSeriesUid,
    );
    // Unless the link names a series: the largest (a stack to compare, not a localizer).
    const left = requested >= 0 ? requested : matchingSeriesIndex(null, study);
    return [left, matchingSeriesIndex(left === null ? null : (study.series[left] ?? null), other)];
  });
  const [active, setActive] = useState<0 | 1>(0);
  const [tool, setTool] = useState<ViewerTool>('window-level');
  const [cineFps, setCineFps] = useState<number | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [syncSlices, setSyncSlices] = useState(true);
  const [syncWindow, setSyncWindow] = useState(false);
  const [bus] = useState(() => new CommandBus());
  const [leftController, setLeftController] = useState<StackViewportController | null>(null);
  const [rightController, setRightController] = useState<StackViewportController | null>(null);
  const mode = useViewportLink(leftController, rightController, { slices: syncSlices, window: syncWindow });

  const prior = priorOf(study, other);
  const activeSeries = studies[active].series[seriesIndex[active] ?? -1] ?? null;
  const presets = windowPresetsFor(activeSeries?.modality);
  const shortcuts = useMemo(() => viewerShortcuts(presets), [presets]);

  const showSeries = (side: 0 | 1, index: number | null) => {
    setSeriesIndex((current) => (side === 0 ? [index, current[1]] : [current[0], index]));
  };

  const leftSeriesUid = study.series[seriesIndex[0] ?? -1]?.uid ?? null;
  useEffect(() => {
    if (leftSeriesUid) onActiveSeriesChange?.(leftSeriesUid);
  }, [leftSeriesUid, onActiveSeriesChange]);

  const onScreenCommand = useEffectEvent((command: ViewerCommand) => {
    if (command.type === 'help') setHelpOpen((open) => !open);
    else if (command.type === 'tool') setTool(command.tool);
    else if (command.type === 'series') {
      const shown = studies[active];
      showSeries(active, stepSeries(seriesIndex[active], command.delta, viewableOf(shown)));
    }
  });
  useEffect(() => bus.subscribe((command) => onScreenCommand(command)), [bus]);
  useViewerKeyboard({ bus, shortcuts });

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="compare-screen">
      <div className="flex items-center gap-4 border-b border-slate-800 px-4 py-1 text-sm">
        <Link to="/" className="shrink-0 text-sky-300 hover:text-sky-200">
          ← All studies
        </Link>
        <CompareSyncBar
          mode={mode}
          slices={syncSlices}
          onSlices={setSyncSlices}
          window={syncWindow}
          onWindow={setSyncWindow}
        />
      </div>
      <ViewerToolbar
        tool={tool}
        onTool={setTool}
        presets={presets}
        cineFps={cineFps}
        onCineFps={setCineFps}
        onCommand={(command) => bus.dispatch(command)}
      />
      <main
        className="relative grid min-h-0 flex-1 grid-cols-2 gap-px bg-slate-800"
        data-testid="compare-grid"
      >
        {studies.map((shown, side) => {
          const paneSide = side === 0 ? 0 : 1;
          return (
            <ComparePane
              key={shown.key}
              side={paneSide}
              study={shown}
              patient={patient}
              prior={prior === (side === 0 ? 'first' : 'second')}
              seriesIndex={seriesIndex[paneSide]}
              onSeries={(index) => showSeries(paneSide, index)}
              active={active === paneSide}
              onActivate={() => setActive(paneSide)}
              bus={bus}
              tool={tool}
              cineFps={cineFps}
              onController={paneSide === 0 ? setLeftController : setRightController}
            />
          );
        })}
        {helpOpen && <ShortcutHelp shortcuts={shortcuts} onClose={() => setHelpOpen(false)} />}
      </main>
    </div>
  );
}
