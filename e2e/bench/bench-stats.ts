import { loadavg } from 'node:os';
import type { BenchRow } from './bench-section';

/** How many runs a section that reports medians makes (`BENCH_RUNS=3 npm run bench …` for a quick look). */
export function benchRuns(fallback = 7): number {
  const runs = Number(process.env.BENCH_RUNS ?? fallback);
  return Number.isInteger(runs) && runs > 0 ? runs : fallback;
}

/** The machine's 1-minute load average, sampled once per run: figures taken under load are upper bounds. */
export function loadAverage(): number {
  return loadavg()[0] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** "lo–hi over n runs" (runs without a value, such as a timeout, are counted apart). */
export function rangeNote(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const missing = values.length - finite.length;
  const digits = (value: number) => (Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(2));
  const range = finite.length
    ? `${digits(finite[0] ?? NaN)}–${digits(finite.at(-1) ?? NaN)} over ${finite.length} runs`
    : `no value in ${values.length} runs`;
  return missing && finite.length ? `${range} (${missing} without a value)` : range;
}

/** One table row: the median of the runs, their range in the note. */
export function medianRow(
  metric: string,
  values: readonly number[],
  unit: string,
  target = '',
  extra = '',
): BenchRow {
  const note = extra ? `${rangeNote(values)}; ${extra}` : rangeNote(values);
  return { metric, value: median(values), unit, target, note };
}
