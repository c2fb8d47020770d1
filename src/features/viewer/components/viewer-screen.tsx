import { useEffect, useEffectEvent, useLayoutEffect, useMemo, useState } from 'react';
import type { SeriesKey } from '@/domain/dicomweb/series-key';
import type { PatientIdentity } from '@/domain/fhir/patient-identity';
import { initialSeriesIndexOf } from '@/domain/fhir/initial-series';
import type { Study } from '@/domain/fhir/study';
import { viewerShortcuts, type ViewerCommand, type ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import { windowPresetsFor } from '@/domain/imaging/window-presets';
import { removeAllMeasurements } from '@/rendering/use-stack-viewport';
import { useStudyKeyImages } from '../api/get-key-images';
import { seriesMetadataQueue } from '../api/series-metadata-queue';
import { CommandBus } from '../model/command-bus';
import { fillViewports, LAYOUTS, stepSeries, viewportCountOf, type LayoutId } from '../model/viewer-layout';
import { useViewerKeyboard } from '../use-viewer-keyboard';
import { SeriesPanel } from './series-panel';
import { ShortcutHelp } from './shortcut-help';
import { StackViewport } from './stack-viewport';
import { ViewportBoundary } from './viewport-boundary';
import { ViewerHeader } from './viewer-header';
import { ViewerToolbar } from './viewer-toolbar';

interface ViewerScreenProps {
  study: Study;
  patient: PatientIdentity;
  initialSeriesUid: string | null;
  /** Told whenever the active viewport shows another series (by click, drag or key), e.g. for the URL. */
  onActiveSeriesChange?: (seriesUid: string) => void;
}

export function ViewerScreen({ study, patient, initialSeriesUid, onActiveSeriesChange }: ViewerScreenProps) {
  const studyUid = study.studyInstanceUid;
  const viewable = useMemo(
    () =>
      // A series with a key can be fetched: a UID, an image server, images the archive can send.
      study.series.flatMap((series, index) => (series.key !== null ? [index] : [])),
    [study.series],
  );
  const [layout, setLayout] = useState<LayoutId>('1x1');
  const [slots, setSlots] = useState<(number | null)[]>(() => [
    initialSeriesIndexOf(study, initialSeriesUid) ?? 0,
  ]);
  const [active, setActive] = useState(0);
  const [tool, setTool] = useState<ViewerTool>('window-level');
  const [cineFps, setCineFps] = useState<number | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [bus] = useState(() => new CommandBus());
  const keyImages = useStudyKeyImages(study);
  const [keyImagesOnly, setKeyImagesOnly] = useState(false);

  const count = viewportCountOf(layout);
  const shownSlots = fillViewports(slots, count, viewable);
  const activeSlot = Math.min(active, count - 1);
  const activeSeries = study.series[shownSlots[activeSlot] ?? -1] ?? null;
  const presets = windowPresetsFor(activeSeries?.modality);
  const shortcuts = useMemo(() => viewerShortcuts(presets), [presets]);

  // The viewports' series are fetched before any thumbnail's (layout effect: before the viewports'
  // queries subscribe and send). Keyed by the joined keys so a re-render does not re-mark.
  const shownKeys = shownSlots.flatMap((index) => {
    const key = index === null ? null : (study.series[index]?.key ?? null);
    return key ? [key] : [];
  });
  const shownKeysId = shownKeys.join('\n');
  useLayoutEffect(
    () => seriesMetadataQueue.markShown(shownKeysId ? (shownKeysId.split('\n') as SeriesKey[]) : []),
    [shownKeysId],
  );

  const showSeries = (slot: number, seriesIndex: number) => {
    setSlots(shownSlots.map((current, i) => (i === slot ? seriesIndex : current)));
    setActive(slot);
  };

  const activeSeriesUid = activeSeries?.uid ?? null;
  useEffect(() => {
    if (activeSeriesUid) onActiveSeriesChange?.(activeSeriesUid);
  }, [activeSeriesUid, onActiveSeriesChange]);

  // Measurements live as long as the study is open.
  useEffect(() => () => removeAllMeasurements(), []);

  // Screen-level commands; the active viewport subscribes to the same bus for the rest. An effect
  // event reads this render's slots, so the subscription is made once, not on every render.
  const onScreenCommand = useEffectEvent((command: ViewerCommand) => {
    if (command.type === 'help') setHelpOpen((open) => !open);
    else if (command.type === 'tool') setTool(command.tool);
    else if (command.type === 'series') {
      const next = stepSeries(shownSlots[activeSlot] ?? null, command.delta, viewable);
      if (next !== null) setSlots(shownSlots.map((current, i) => (i === activeSlot ? next : current)));
    }
  });
  useEffect(() => bus.subscribe((command) => onScreenCommand(command)), [bus]);

  useViewerKeyboard({ bus, shortcuts });

  const grid = LAYOUTS.find((item) => item.id === layout) ?? LAYOUTS[0];

  return (
    <div className="flex h-full min-h-0 flex-col">
      <ViewerHeader study={study} patient={patient} />
      <ViewerToolbar
        tool={tool}
        onTool={setTool}
        presets={presets}
        layout={layout}
        onLayout={setLayout}
        cineFps={cineFps}
        onCineFps={setCineFps}
        onCommand={(command) => bus.dispatch(command)}
      />
      <div className="flex min-h-0 flex-1">
        {studyUid && (
          <SeriesPanel
            study={studyUid}
            series={study.series}
            selected={shownSlots[activeSlot] ?? null}
            onSelect={(index) => showSeries(activeSlot, index)}
            keyImages={keyImages}
            keyImagesOnly={keyImagesOnly}
            onKeyImagesOnly={setKeyImagesOnly}
          />
        )}
        <main
          className="relative grid min-w-0 flex-1 gap-px bg-slate-800"
          style={{
            gridTemplateColumns: `repeat(${grid?.columns ?? 1}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${grid?.rows ?? 1}, minmax(0, 1fr))`,
          }}
          data-testid="viewport-grid"
          data-layout={layout}
        >
          {studyUid ? (
            shownSlots.map((seriesIndex, slot) => {
              const series = seriesIndex === null ? undefined : study.series[seriesIndex];
              return series ? (
                <ViewportBoundary key={`${slot}:${series.uid ?? seriesIndex}`}>
                  <StackViewport
                    studyUid={studyUid}
                    study={study}
                    series={series}
                    patient={patient}
                    slot={slot}
                    active={slot === activeSlot}
                    bus={bus}
                    tool={tool}
                    cineFps={cineFps}
                    onActivate={() => setActive(slot)}
                    onDropSeries={(index) => showSeries(slot, index)}
                    keyImages={keyImages}
                    keyImagesOnly={keyImagesOnly}
                  />
                </ViewportBoundary>
              ) : (
                <p key={slot} className="bg-black p-6 text-amber-300" role="alert">
                  {study.errors[0] ?? 'This study lists no series to show.'}
                </p>
              );
            })
          ) : (
            <p className="p-6 text-amber-300" role="alert">
              {study.errors[0] ?? 'This study lists no series to show.'}
            </p>
          )}
          {helpOpen && <ShortcutHelp shortcuts={shortcuts} onClose={() => setHelpOpen(false)} />}
        </main>
      </div>
    </div>
  );
}
