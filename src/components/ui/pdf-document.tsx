import { useEffect, useRef, useState } from 'react';
import { drawPdfPage, MAX_PDF_PAGES, openPdf } from '@/lib/pdf';

type PdfState =
  { status: 'loading' } | { status: 'ready'; pages: number } | { status: 'error'; message: string };

/**
 * A PDF's pages drawn one under the other at the panel's width. Used for reports' PDF attachments
 * and for Encapsulated PDF objects alike. A file that is not a readable PDF says so. Give it a `key`
 * per document: one instance draws one document.
 */
export function PdfDocument({
  bytes,
  title,
  width = 560,
}: {
  bytes: Uint8Array;
  title: string;
  width?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<PdfState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const element = container.current;
    const opened = openPdf(bytes);
    opened.document
      .then(async (document) => {
        const count = Math.min(document.numPages, MAX_PDF_PAGES);
        for (let number = 1; number <= count && !cancelled && element; number += 1) {
          const canvas = window.document.createElement('canvas');
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${title}, page ${number} of ${document.numPages}`);
          canvas.className = 'mb-2 bg-white';
          element.append(canvas);
          await drawPdfPage(document, number, canvas, width);
        }
        if (!cancelled) setState({ status: 'ready', pages: document.numPages });
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          setState({
            status: 'error',
            message: `This PDF could not be read (${error instanceof Error ? error.message : String(error)}).`,
          });
        }
      });
    return () => {
      cancelled = true;
      element?.replaceChildren();
      opened.close();
    };
  }, [bytes, title, width]);

  return (
    <div
      data-testid="pdf-document"
      data-status={state.status}
      data-pages={state.status === 'ready' ? state.pages : ''}
    >
      {state.status === 'loading' && <p className="text-slate-400">Opening the PDF…</p>}
      {state.status === 'error' && (
        <p className="text-amber-300" role="alert">
          {state.message}
        </p>
      )}
      <div ref={container} />
      {state.status === 'ready' && state.pages > MAX_PDF_PAGES && (
        <p className="text-slate-400">
          The first {MAX_PDF_PAGES} of {state.pages} pages are shown.
        </p>
      )}
    </div>
  );
}
