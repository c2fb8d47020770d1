import type { Measurement } from '@/rendering/use-stack-viewport';

const NAMES: Record<Measurement['tool'], string> = {
  length: 'Length',
  angle: 'Angle',
  ellipse: 'Ellipse',
  rectangle: 'Rectangle',
};

/** The shown image's measurements in words and numbers, beside the drawings Cornerstone labels. */
export function MeasurementList({ measurements }: { measurements: readonly Measurement[] }) {
  return (
    <ul
      className="pointer-events-none absolute bottom-14 left-1/2 max-w-[90%] -translate-x-1/2 space-y-0.5 rounded bg-black/60 px-2 py-1 font-mono text-xs text-amber-200"
      aria-label="Measurements"
    >
      {measurements.map((m) => (
        <li
          key={m.uid}
          data-testid="measurement"
          data-tool={m.tool}
          data-mean={m.mean ?? ''}
          data-std-dev={m.stdDev ?? ''}
          data-area={m.area ?? ''}
          data-length={m.length ?? ''}
          data-angle={m.angle ?? ''}
          className={m.selected ? 'text-sky-300' : undefined}
        >
          {NAMES[m.tool]}: {describe(m)}
        </li>
      ))}
    </ul>
  );
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function describe(m: Measurement): string {
  if (m.tool === 'length') return m.length === undefined ? '…' : `${round(m.length)} ${m.lengthUnit ?? ''}`;
  if (m.tool === 'angle') return m.angle === undefined ? '…' : `${round(m.angle)}°`;
  if (m.mean === undefined) return '…';
  const unit = m.unit ?? '';
  return [
    `mean ${round(m.mean)} ${unit}`,
    m.stdDev !== undefined ? `SD ${round(m.stdDev)}` : null,
    m.min !== undefined && m.max !== undefined ? `min ${round(m.min)} max ${round(m.max)}` : null,
    m.area !== undefined ? `area ${round(m.area)} ${m.areaUnit ?? ''}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
