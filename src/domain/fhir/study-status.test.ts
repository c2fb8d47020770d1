import { describe, expect, it } from 'vitest';
import { presentStudyStatus } from './study-status';

describe('presentStudyStatus', () => {
  it('registered: no images yet, stated as the reason it cannot open', () => {
    expect(presentStudyStatus('registered').blocksOpening).toMatch(/no images yet/i);
  });
  it('cancelled: dimmed but openable', () => {
    expect(presentStudyStatus('cancelled')).toMatchObject({ tone: 'dimmed', blocksOpening: null });
  });
  it('entered-in-error: marked as an error and not opened', () => {
    expect(presentStudyStatus('entered-in-error')).toMatchObject({ tone: 'error' });
    expect(presentStudyStatus('entered-in-error').blocksOpening).toMatch(/entered in error/i);
  });
  it('available, unknown and absent statuses change nothing', () => {
    for (const status of ['available', 'unknown', 'inactive', 'something-new', null]) {
      expect(presentStudyStatus(status)).toMatchObject({ tone: 'normal', blocksOpening: null });
    }
  });
  it('R4 codes have their own label', () => {
    expect(presentStudyStatus('available')).toMatchObject({ label: 'available', unknownCode: null });
    expect(presentStudyStatus('unknown')).toMatchObject({ label: 'status unknown', unknownCode: null });
  });
  it('a code outside R4’s value set is labelled unknown, with the code as written', () => {
    expect(presentStudyStatus('bogus')).toMatchObject({ label: 'unknown status', unknownCode: 'bogus' });
    expect(presentStudyStatus('\u202Eevil')).toMatchObject({ unknownCode: '\u202Eevil' });
  });
});
