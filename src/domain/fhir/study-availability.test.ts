import { describe, expect, it } from 'vitest';
import type { Availability } from './availability';
import { availabilityNoteOf } from './study-availability';

const series = (availability: Availability | null) => ({ availability });
const study = (availability: Availability | null, ...series: { availability: Availability | null }[]) => ({
  availability,
  series,
});

describe('availabilityNoteOf', () => {
  it("says the study's own availability first", () => {
    expect(availabilityNoteOf(study('OFFLINE', series('ONLINE')))).toBe('Offline in the archive');
    expect(availabilityNoteOf(study('NEARLINE'))).toBe('Nearline: slow to retrieve');
    expect(availabilityNoteOf(study('UNAVAILABLE'))).toBe('Unavailable in the archive');
  });

  it('counts the series that cannot be had now or only slowly', () => {
    expect(
      availabilityNoteOf(
        study(null, series('OFFLINE'), series('UNAVAILABLE'), series('NEARLINE'), series(null)),
      ),
    ).toBe('2 of 4 series offline or unavailable; 1 of 4 series nearline (slow to retrieve)');
  });

  it('says nothing when everything is online or unknown', () => {
    expect(availabilityNoteOf(study('ONLINE', series('ONLINE')))).toBeNull();
    expect(availabilityNoteOf(study(null, series(null)))).toBeNull();
  });
});
