import type { ViewerCommand, ViewerTool } from '@/domain/imaging/viewer-shortcuts';
import type { WindowPreset } from '@/domain/imaging/window-presets';
import { LAYOUTS, type LayoutId } from '../model/viewer-layout';

interface ViewerToolbarProps {
  tool: ViewerTool;
  onTool: (tool: ViewerTool) => void;
  presets: readonly WindowPreset[];
  /** Without `onLayout` (two studies side by side) the layout buttons are left out. */
  layout?: LayoutId;
  onLayout?: (layout: LayoutId) => void;
  cineFps: number | null;
  onCineFps: (fps: number | null) => void;
  onCommand: (command: ViewerCommand) => void;
}

const TOOLS: readonly { tool: ViewerTool; label: string; key: string }[] = [
  { tool: 'window-level', label: 'W/L', key: 'W' },
  { tool: 'pan', label: 'Pan', key: 'P' },
  { tool: 'zoom', label: 'Zoom', key: 'Z' },
  { tool: 'length', label: 'Length', key: 'D' },
  { tool: 'angle', label: 'Angle', key: 'A' },
  { tool: 'ellipse', label: 'Ellipse', key: 'E' },
  { tool: 'rectangle', label: 'Rectangle', key: 'B' },
];

/** The left-button tool, view commands for the active viewport, presets, cine and layout. */
export function ViewerToolbar({
  tool,
  onTool,
  presets,
  layout,
  onLayout,
  cineFps,
  onCineFps,
  onCommand,
}: ViewerToolbarProps) {
  return (
    <div
      className="flex flex-wrap items-center gap-1 border-b border-slate-800 px-2 py-1 text-xs"
      role="toolbar"
      aria-label="Viewer tools"
    >
      {TOOLS.map((item) => (
        <Button
          key={item.tool}
          pressed={tool === item.tool}
          onClick={() => onTool(item.tool)}
          title={`${item.label} (${item.key})`}
          testId={`tool-${item.tool}`}
        >
          {item.label}
        </Button>
      ))}
      <Separator />
      {presets.map((preset) => (
        <Button
          key={preset.id}
          onClick={() => onCommand({ type: 'preset', presetId: preset.id })}
          title={`W ${preset.width} L ${preset.center} (${preset.key})`}
          testId={`preset-${preset.id}`}
        >
          {preset.label}
        </Button>
      ))}
      {presets.length > 0 && <Separator />}
      <Button onClick={() => onCommand({ type: 'invert' })} title="Invert (I)" testId="command-invert">
        Invert
      </Button>
      <Button
        onClick={() => onCommand({ type: 'rotate', degrees: 90 })}
        title="Rotate right (R)"
        testId="command-rotate"
      >
        Rotate
      </Button>
      <Button
        onClick={() => onCommand({ type: 'flip', axis: 'horizontal' })}
        title="Flip horizontally (H)"
        testId="command-flip-horizontal"
      >
        Flip H
      </Button>
      <Button
        onClick={() => onCommand({ type: 'flip', axis: 'vertical' })}
        title="Flip vertically (V)"
        testId="command-flip-vertical"
      >
        Flip V
      </Button>
      <Button onClick={() => onCommand({ type: 'fit' })} title="Fit (F)" testId="command-fit">
        Fit
      </Button>
      <Button onClick={() => onCommand({ type: 'reset' })} title="Reset (Space)" testId="command-reset">
        Reset
      </Button>
      <Button
        onClick={() => onCommand({ type: 'delete-measurement' })}
        title="Delete the selected measurement (Del)"
        testId="command-delete-measurement"
      >
        Delete
      </Button>
      <Separator />
      <Button onClick={() => onCommand({ type: 'cine' })} title="Play / stop (C)" testId="command-cine">
        Cine ▶/■
      </Button>
      <label className="flex items-center gap-1 text-slate-400">
        fps
        <input
          type="number"
          min={1}
          max={60}
          value={cineFps ?? ''}
          placeholder="auto"
          onChange={(event) => onCineFps(event.target.value === '' ? null : Number(event.target.value))}
          className="min-h-6 w-14 rounded border border-slate-700 bg-slate-900 px-1 text-slate-100"
          data-testid="cine-fps"
        />
      </label>
      {onLayout && <Separator />}
      {onLayout &&
        LAYOUTS.map((item) => (
          <Button
            key={item.id}
            pressed={layout === item.id}
            onClick={() => onLayout(item.id)}
            title={`Layout ${item.label}`}
            testId={`layout-${item.id}`}
          >
            {item.label}
          </Button>
        ))}
      <Separator />
      <Button
        onClick={() => onCommand({ type: 'help' })}
        title="Keyboard shortcuts (?)"
        testId="command-help"
      >
        ?
      </Button>
    </div>
  );
}

function Separator() {
  return <span className="mx-1 h-4 w-px bg-slate-700" aria-hidden />;
}

function Button({
  children,
  pressed,
  onClick,
  title,
  testId,
}: {
  children: React.ReactNode;
  pressed?: boolean;
  onClick: () => void;
  title: string;
  testId: string;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={title}
      aria-pressed={pressed}
      data-testid={testId}
      className={`min-h-6 rounded border px-2 py-0.5 ${
        pressed
          ? 'border-sky-400 bg-sky-900 text-sky-100'
          : 'border-slate-700 bg-slate-900 text-slate-200 hover:border-slate-500'
      }`}
    >
      {children}
    </button>
  );
}
