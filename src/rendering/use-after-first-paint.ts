import { useEffect, useState } from 'react';
import { whenRenderingMayStart } from './rendering-gate';

/**
 * False while a viewport's first paint is on its way (rendering-gate.ts: its bytes are coming and
 * drawing them is the page's first job), true once it is drawn or will not be, or at once when none
 * is. For work on screen that can wait that long (a report's sanitising and layout, a PDF's reader):
 * done meanwhile it takes the main thread between the first image's arrival and its drawing.
 */
export function useAfterFirstPaint(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void whenRenderingMayStart().then(() => {
      if (!cancelled) setAfter(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return after;
}
