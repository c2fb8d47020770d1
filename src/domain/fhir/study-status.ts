/**
 * How the list presents ImagingStudy.status (R4 value set imagingstudy-status). The statuses say what
 * a clinician may expect of the images, so they change the row, not just a label.
 */
export type StudyStatusTone = 'normal' | 'dimmed' | 'error';

export interface StudyStatusPresentation {
  label: string;
  tone: StudyStatusTone;
  /** Why the study cannot be opened because of its status alone; null when the status allows it. */
  blocksOpening: string | null;
  /**
   * A code outside R4's value set, as the resource wrote it, for the screen to show after the label
   * ("unknown status (bogus)") in its own bidi isolate; null for the five known codes and for none.
   */
  unknownCode: string | null;
}

const KNOWN = { tone: 'normal', blocksOpening: null, unknownCode: null } as const;

export function presentStudyStatus(status: string | null): StudyStatusPresentation {
  switch (status) {
    case 'registered':
      // "Existence of the imaging study is registered, but there is nothing yet available."
      return {
        ...KNOWN,
        label: 'registered',
        blocksOpening: 'No images yet: the study is registered but not yet acquired.',
      };
    case 'cancelled':
      // Not started or not completed: whatever images exist may be partial, so the row recedes.
      return { ...KNOWN, label: 'cancelled', tone: 'dimmed' };
    case 'entered-in-error':
      return {
        ...KNOWN,
        label: 'entered in error',
        tone: 'error',
        blocksOpening: 'Entered in error: this record should not have existed and is not for clinical use.',
      };
    case 'available':
      return { ...KNOWN, label: 'available' };
    case 'unknown':
      // R4's own code: the system does not know the status.
      return { ...KNOWN, label: 'status unknown' };
    case null:
      return { ...KNOWN, label: '—' };
    default:
      // Not one of R4's codes: said so, never passed off as a status the app understood.
      return { ...KNOWN, label: 'unknown status', unknownCode: status };
  }
}
