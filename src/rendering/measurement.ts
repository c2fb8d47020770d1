/**
 * Measurements in plain numbers, read from Cornerstone annotations without importing Cornerstone:
 * what the overlay lists, and what can be tested without a browser.
 */

export const MEASUREMENT_TOOLS = ['length', 'angle', 'ellipse', 'rectangle'] as const;
export type MeasurementTool = (typeof MEASUREMENT_TOOLS)[number];

/** A measurement on the shown image, in plain numbers (modality units: HU for CT). */
export interface Measurement {
  uid: string;
  tool: MeasurementTool;
  selected: boolean;
  length?: number;
  lengthUnit?: string;
  angle?: number;
  mean?: number;
  stdDev?: number;
  min?: number;
  max?: number;
  area?: number;
  areaUnit?: string;
  unit?: string;
}

/** The parts of a Cornerstone annotation a measurement is read from (its `Types.Annotation` fits). */
export interface AnnotationValues {
  annotationUID?: string;
  isSelected?: boolean;
  data: { cachedStats?: unknown };
}

export function measurementOf(item: AnnotationValues, tool: MeasurementTool): Measurement {
  // Stats are cached per target (one per volume or image the tool measured on): a stack has one.
  const cached = typeof item.data.cachedStats === 'object' ? item.data.cachedStats : null;
  const stats = (Object.values(cached ?? {})[0] ?? {}) as Record<string, unknown>;
  const number = (key: string): number | undefined => {
    const value = stats[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  const text = (key: string): string | undefined => {
    const value = stats[key];
    return typeof value === 'string' ? value : undefined;
  };
  const fields: Measurement = {
    uid: item.annotationUID ?? '',
    tool,
    selected: item.isSelected === true,
    length: number('length'),
    lengthUnit: text('unit'),
    angle: number('angle'),
    mean: number('mean'),
    stdDev: number('stdDev'),
    min: number('min'),
    max: number('max'),
    area: number('area'),
    areaUnit: text('areaUnit'),
    unit: text('modalityUnit'),
  };
  // Undefined fields would make otherwise equal states compare unequal after JSON round trips.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Measurement;
}
