import { useEffect, useState } from 'react';

/** A DICOMweb server said 503 with Retry-After; we are waiting before asking again. */
export interface ImagingServerBusy {
  origin: string;
  retryInSeconds: number;
}

const EVENT = 'imaging-server-busy';

export function announceImagingServerBusy(notice: ImagingServerBusy): void {
  window.dispatchEvent(new CustomEvent<ImagingServerBusy>(EVENT, { detail: notice }));
}

/** The latest busy notice, cleared once its wait is over. */
export function useImagingServerBusy(): ImagingServerBusy | null {
  const [notice, setNotice] = useState<ImagingServerBusy | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<ImagingServerBusy>).detail;
      setNotice(detail);
      clearTimeout(timer);
      timer = setTimeout(() => setNotice(null), (detail.retryInSeconds + 1) * 1000);
    };
    window.addEventListener(EVENT, listener);
    return () => {
      window.removeEventListener(EVENT, listener);
      clearTimeout(timer);
    };
  }, []);
  return notice;
}
