import { describe, expect, it } from 'vitest';
import { describeLeftOutInstances } from './left-out-instances';

describe('describeLeftOutInstances', () => {
  it('says nothing when every instance is shown', () => {
    expect(describeLeftOutInstances({ listed: 28, described: 28, usable: 28 })).toBeNull();
    expect(describeLeftOutInstances({ listed: 0, described: 5, usable: 5 })).toBeNull();
  });

  it('counts instances left out for a bad SOP Instance UID', () => {
    expect(describeLeftOutInstances({ listed: 0, described: 10, usable: 7 })).toBe(
      '3 of 10 instances from the image server left out: no valid SOP Instance UID.',
    );
  });

  it('says when the record promises more than can be shown', () => {
    expect(describeLeftOutInstances({ listed: 30, described: 28, usable: 27 })).toBe(
      '1 of 28 instances from the image server left out: no valid SOP Instance UID. ' +
        'The record lists 30 instances; 27 can be shown.',
    );
  });
});
