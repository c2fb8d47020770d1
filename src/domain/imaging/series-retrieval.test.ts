import { describe, expect, it } from 'vitest';
import { seriesRetrievalPlan } from './series-retrieval';

const base = 'https://pacs.example/dicom-web/studies/1.2.3/series/1.2.3.4';
const frame = (instance: string, n: number) => `wadors:${base}/instances/${instance}/frames/${n}`;

describe('seriesRetrievalPlan', () => {
  it('names the series URL and, per instance, which image id each frame number serves', () => {
    const ids = [frame('1.1', 1), frame('1.2', 1), frame('1.3', 2), frame('1.3', 1)];
    const plan = seriesRetrievalPlan(ids);
    expect(plan?.seriesUrl).toBe(base);
    expect([...(plan?.frames.keys() ?? [])]).toEqual(['1.1', '1.2', '1.3']);
    expect(plan?.frames.get('1.3')?.get(2)).toBe(frame('1.3', 2));
    expect(plan?.frames.get('1.3')?.get(1)).toBe(frame('1.3', 1));
  });

  it('makes no plan for frames of two series, other loaders or no frames at all', () => {
    const other = `wadors:https://pacs.example/dicom-web/studies/1.2.3/series/9.9/instances/1.1/frames/1`;
    expect(seriesRetrievalPlan([frame('1.1', 1), other])).toBeNull();
    expect(seriesRetrievalPlan([frame('1.1', 1), `wadouri:${base}/instances/1.2`])).toBeNull();
    expect(seriesRetrievalPlan([`wadors:${base}/instances/1.1/frames/0`])).toBeNull();
    expect(seriesRetrievalPlan([])).toBeNull();
  });
});
