import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import type { Study } from '@/domain/fhir/study';

/**
 * The study last opened from the list, for this tab. Back on the list (its link or the browser's
 * Back), focus returns to that study's row, not to the top of the page: keyboard and screen-reader
 * users carry on where they were.
 */
let openedFromList: string | null = null;

export function rememberOpenedStudy(studyKey: string): void {
  openedFromList = studyKey;
}

/**
 * Once the remembered study is in the list: scrolls its row into view and focuses its Open link,
 * unless the user has already put focus somewhere. Runs after every render until the row exists
 * (the virtualiser renders it a frame after the scroll).
 */
export function useReturnFocus(
  studies: readonly Study[],
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scroller: RefObject<HTMLDivElement | null>,
): void {
  const pending = useRef<number | null>(null);
  useEffect(() => {
    if (openedFromList === null) return;
    const index = studies.findIndex((study) => study.key === openedFromList);
    if (index < 0) return;
    openedFromList = null;
    pending.current = index;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [studies, virtualizer]);

  useEffect(() => {
    const index = pending.current;
    if (index === null) return;
    const userMoved = document.activeElement !== null && document.activeElement !== document.body;
    const link = scroller.current?.querySelector<HTMLElement>(
      `tr[aria-rowindex="${index + 2}"] [data-testid="open-study"]`,
    );
    if (userMoved) pending.current = null;
    else if (link) {
      pending.current = null;
      link.focus();
    }
  });
}
