import { describe, expect, it } from 'vitest';
import { readKeyObjectSelection } from './key-objects';
import { code, sequence, text } from './testing/dicom-json-builders';

const reference = (uid: string) => ({
  '00081150': text('UI', '1.2.840.10008.5.1.4.1.1.2'),
  '00081155': text('UI', uid),
});

describe('readKeyObjectSelection', () => {
  it('reads the title, the description and every flagged instance once', () => {
    const kos = readKeyObjectSelection({
      '0040A043': sequence(code('113020', 'DCM', 'For Report Attachment')),
      '0040A375': sequence({
        '0020000D': text('UI', '1.2.3'),
        '00081115': sequence(
          {
            '0020000E': text('UI', '1.2.3.1'),
            '00081199': sequence(reference('1.2.3.1.1'), reference('1.2.3.1.2')),
          },
          { '0020000E': text('UI', '1.2.3.2'), '00081199': sequence(reference('1.2.3.2.1')) },
        ),
      }),
      '0040A730': sequence(
        { '0040A040': text('CS', 'IMAGE'), '00081199': sequence(reference('1.2.3.1.1')) },
        { '0040A040': text('CS', 'IMAGE'), '00081199': sequence(reference('1.2.3.9.9')) },
        { '0040A040': text('CS', 'TEXT'), '0040A160': text('UT', 'Images attached to the report.') },
      ),
    });
    expect(kos).toEqual({
      title: 'For Report Attachment',
      description: 'Images attached to the report.',
      references: [
        { seriesUid: '1.2.3.1', instanceUid: '1.2.3.1.1' },
        { seriesUid: '1.2.3.1', instanceUid: '1.2.3.1.2' },
        { seriesUid: '1.2.3.2', instanceUid: '1.2.3.2.1' },
        // Named only in the content tree: no series to place it in.
        { seriesUid: null, instanceUid: '1.2.3.9.9' },
      ],
    });
  });

  it('gives an empty selection for an object without references', () => {
    expect(readKeyObjectSelection({})).toEqual({ title: null, description: null, references: [] });
  });
});
