/**
 * PDF documents drawn by pdf.js (Mozilla's, maintained): the same on every browser, under the app's
 * CSP (its worker is a same-origin file; no eval, no plugin), and in headless test browsers where a
 * built-in PDF viewer may not exist. Loaded only when a PDF is shown: it is large. The legacy build
 * runs on the oldest browsers the app supports (package.json browserslist).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

/** Pages drawn beyond this are left out, and the screen says how many there are. */
export const MAX_PDF_PAGES = 30;

async function pdfjs() {
  const [library, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
  ]);
  library.GlobalWorkerOptions.workerSrc = worker.default;
  return library;
}

/** Opens a PDF; `close` ends its worker's work whether or not it has opened yet. */
export function openPdf(bytes: Uint8Array): { document: Promise<PDFDocumentProxy>; close: () => void } {
  const task = pdfjs().then(({ getDocument }) =>
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    getDocument({ data: bytes.slice(), enableXfa: false }),
  );
  return {
    document: task.then((loading) => loading.promise),
    close: () => void task.then((loading) => loading.destroy()).catch(() => undefined),
  };
}

/** Draws one page into a canvas at a width in CSS pixels (sharp on high-density screens). */
export async function drawPdfPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<void> {
  const page = await document.getPage(pageNumber);
  const unscaled = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}
