import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAllLocalFiles, type ReadMessage } from './read-all-local-files';

const CT = readFileSync(
  'sandbox/data/dicom/cornerstone-ctimage-transfer-syntaxes/CTImage.dcm_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm',
);

describe('readAllLocalFiles', () => {
  it('posts every file once, over several batches, then done', async () => {
    const files = Array.from({ length: 137 }, (_, i) => ({
      file: new Blob([i % 10 === 0 ? 'not dicom' : CT]),
      path: `f/${i}`,
    }));
    const messages: ReadMessage[] = [];
    await readAllLocalFiles(files, (message) => messages.push(message));
    expect(messages.at(-1)).toEqual({ type: 'done' });
    const results = messages.flatMap((message) => (message.type === 'batch' ? message.results : []));
    expect(messages.filter((message) => message.type === 'batch').length).toBeGreaterThan(2);
    expect(results.map((result) => result.index).sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
    expect(results.filter((result) => result.kind === 'skipped')).toHaveLength(14);
  });
});
