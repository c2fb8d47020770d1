import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tinyPart10 } from './testing/part10';
import { frameOfDataSet, InstanceFrameError, parsePart10 } from './instance-frame';

const FRAGMENTED =
  'sandbox/data/dicom/cornerstone-ctimage-transfer-syntaxes/CT0012.fragmented_no_bot_jpeg_baseline.51.dcm';

describe('frames out of a whole instance', () => {
  it('cuts native frames by offset, from a part that does not start its buffer', () => {
    const file = tinyPart10(2, 2, [1, 2, 3, 4, 5, 6, 7, 8], 2);
    const inBody = new Uint8Array([9, 9, 9, ...file]).subarray(3);
    const dataSet = parsePart10(inBody);
    expect([...frameOfDataSet(dataSet, 1).pixelData]).toEqual([1, 2, 3, 4]);
    expect([...frameOfDataSet(dataSet, 2).pixelData]).toEqual([5, 6, 7, 8]);
    expect(() => frameOfDataSet(dataSet, 3)).toThrow(InstanceFrameError);
  });

  it('copies a native frame out of its instance unless a view is asked for', () => {
    const dataSet = parsePart10(tinyPart10(2, 2, [1, 2, 3, 4]));
    const copy = frameOfDataSet(dataSet, 1).pixelData;
    const view = frameOfDataSet(dataSet, 1, { view: true }).pixelData;
    expect([...view]).toEqual([1, 2, 3, 4]);
    expect(view.buffer).toBe(dataSet.byteArray.buffer);
    expect(copy.buffer).not.toBe(dataSet.byteArray.buffer);
  });

  it('finds each JPEG frame among fragments without a Basic Offset Table', () => {
    const dataSet = parsePart10(new Uint8Array(readFileSync(FRAGMENTED)));
    const frames = [1, 2].map((frame) => frameOfDataSet(dataSet, frame));
    for (const { pixelData, transferSyntax } of frames) {
      expect(transferSyntax).toBe('1.2.840.10008.1.2.4.51');
      // A whole JPEG stream each: start of image … end of image.
      expect([pixelData[0], pixelData[1]]).toEqual([0xff, 0xd8]);
      expect([pixelData.at(-2), pixelData.at(-1)]).toEqual([0xff, 0xd9]);
    }
    expect(frames[0]?.pixelData).not.toEqual(frames[1]?.pixelData);
  });

  it('says so when the answer is not a DICOM file', () => {
    expect(() => parsePart10(new TextEncoder().encode('<html>no</html>'))).toThrow(InstanceFrameError);
  });
});
