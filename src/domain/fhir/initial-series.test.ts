import { describe, expect, it } from 'vitest';
import type { SeriesKey } from '../dicomweb/series-key';
import { initialSeriesIndexOf } from './initial-series';
import type { Study } from './study';

const series = (uid: string | null, key: string | null) => ({ uid, key: key as SeriesKey | null });
const studyOf = (...list: ReturnType<typeof series>[]) => ({ series: list }) as unknown as Study;

describe('initialSeriesIndexOf', () => {
  const study = studyOf(series('1.1', null), series('1.2', 'k2'), series('1.3', 'k3'));

  it('opens the series the link names, even one that cannot be fetched (its viewport says why)', () => {
    expect(initialSeriesIndexOf(study, '1.3')).toBe(2);
    expect(initialSeriesIndexOf(study, '1.1')).toBe(0);
  });

  it('else the first series that can be fetched; null when none can', () => {
    expect(initialSeriesIndexOf(study, null)).toBe(1);
    expect(initialSeriesIndexOf(study, '9.9')).toBe(1);
    expect(initialSeriesIndexOf(studyOf(series('1.1', null)), null)).toBeNull();
  });
});
