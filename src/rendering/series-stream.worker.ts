/**
 * Reads series answers off the main thread (series-answer-service.ts). Served from this origin as a
 * module worker (CSP `worker-src 'self'`); its requests are the page's, under the same CSP.
 */
import { serveSeriesAnswers, type SeriesPort } from './series-answer-service';

// The DOM's Worker type has the two members used here (the webworker lib would clash with the DOM's).
serveSeriesAnswers(self as unknown as SeriesPort);
