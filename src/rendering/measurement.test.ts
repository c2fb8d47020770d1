import { describe, expect, it } from 'vitest';
import { measurementOf } from './measurement';

const TARGET = 'imageId:wadors:https://pacs.example/frames/1';

describe('measurementOf', () => {
  it('reads a length with its unit', () => {
    const item = { annotationUID: 'a1', data: { cachedStats: { [TARGET]: { length: 60.2, unit: 'mm' } } } };
    expect(measurementOf(item, 'length')).toEqual({
      uid: 'a1',
      tool: 'length',
      selected: false,
      length: 60.2,
      lengthUnit: 'mm',
    });
  });

  it('reads an angle', () => {
    const item = {
      annotationUID: 'a2',
      isSelected: true,
      data: { cachedStats: { [TARGET]: { angle: 90 } } },
    };
    expect(measurementOf(item, 'angle')).toEqual({ uid: 'a2', tool: 'angle', selected: true, angle: 90 });
  });

  it('reads region statistics in modality units', () => {
    const stats = {
      area: 314.2,
      areaUnit: 'mm²',
      mean: 40.5,
      stdDev: 3.25,
      min: 12,
      max: 71,
      modalityUnit: 'HU',
      statsArray: [{ name: 'mean', value: 40.5 }],
    };
    expect(
      measurementOf({ annotationUID: 'r', data: { cachedStats: { [TARGET]: stats } } }, 'rectangle'),
    ).toEqual({
      uid: 'r',
      tool: 'rectangle',
      selected: false,
      area: 314.2,
      areaUnit: 'mm²',
      mean: 40.5,
      stdDev: 3.25,
      min: 12,
      max: 71,
      unit: 'HU',
    });
  });

  it('leaves out values that are not finite numbers or not text, so equal states stay equal as JSON', () => {
    const stats = {
      length: Number.NaN,
      mean: Number.POSITIVE_INFINITY,
      max: [1, 2],
      unit: 5,
      areaUnit: null,
    };
    const measurement = measurementOf(
      { annotationUID: 'x', data: { cachedStats: { [TARGET]: stats } } },
      'ellipse',
    );
    expect(measurement).toEqual({ uid: 'x', tool: 'ellipse', selected: false });
    expect(Object.keys(measurement)).toEqual(['uid', 'tool', 'selected']);
  });

  it('takes the first target when there are several', () => {
    const cachedStats = { first: { length: 1, unit: 'mm' }, second: { length: 2, unit: 'mm' } };
    expect(measurementOf({ annotationUID: 'm', data: { cachedStats } }, 'length').length).toBe(1);
  });

  it('copes with an annotation not measured yet', () => {
    for (const cachedStats of [undefined, null, {}, { [TARGET]: null }])
      expect(measurementOf({ data: { cachedStats } }, 'length')).toEqual({
        uid: '',
        tool: 'length',
        selected: false,
      });
  });
});
