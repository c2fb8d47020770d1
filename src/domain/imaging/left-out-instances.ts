/**
 * What a series shows fewer of than its records promise, said in numbers: the viewer must never pass
 * silently over instances it could not use (a bad SOP Instance UID cannot go into a URL), nor over
 * instances the FHIR record lists that the image server does not describe.
 */
export interface InstanceCounts {
  /** Instances the ImagingStudy lists for the series (0 when it lists none). */
  listed: number;
  /** Entries the image server's metadata holds. */
  described: number;
  /** Of those, instances with a valid SOP Instance UID: the ones the viewer shows. */
  usable: number;
}

export function describeLeftOutInstances({ listed, described, usable }: InstanceCounts): string | null {
  const notes: string[] = [];
  const unusable = described - usable;
  if (unusable > 0) {
    notes.push(
      `${unusable} of ${described} instance${described === 1 ? '' : 's'} from the image server left out: no valid SOP Instance UID.`,
    );
  }
  if (listed > usable) {
    notes.push(`The record lists ${listed} instances; ${usable} can be shown.`);
  }
  return notes.length > 0 ? notes.join(' ') : null;
}
