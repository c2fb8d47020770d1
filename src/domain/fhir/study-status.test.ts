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
    for (const status of ['available', 'inactive', 'something-new', null]) {
      expect(presentStudyStatus(status)).toMatchObject({ tone: 'normal', blocksOpening: null });
    }
  });
});
