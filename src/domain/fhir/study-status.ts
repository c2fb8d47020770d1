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
}

export function presentStudyStatus(status: string | null): StudyStatusPresentation {
  switch (status) {
    case 'registered':
      // "Existence of the imaging study is registered, but there is nothing yet available."
      return {
        label: 'registered',
        tone: 'normal',
        blocksOpening: 'No images yet: the study is registered but not yet acquired.',
      };
    case 'cancelled':
      // Not started or not completed: whatever images exist may be partial, so the row recedes.
      return { label: 'cancelled', tone: 'dimmed', blocksOpening: null };
    case 'entered-in-error':
      return {
        label: 'entered in error',
        tone: 'error',
        blocksOpening: 'Entered in error: this record should not have existed and is not for clinical use.',
      };
    case null:
      return { label: '—', tone: 'normal', blocksOpening: null };
    default:
      return { label: status, tone: 'normal', blocksOpening: null };
  }
}
