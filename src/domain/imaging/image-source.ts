import type { SeriesKey } from '../dicomweb/series-key';
import type { DicomJsonInstance } from './dicom-json';

/**
 * One image the viewer can show: Cornerstone's image id (a frame of an instance), the series it
 * belongs to, and its instance's DICOM JSON. A viewport's stack, a series thumbnail and a study
 * preview in the list all hand Cornerstone this.
 */
export interface ImageSource {
  imageId: string;
  seriesKey: SeriesKey;
  metadata: DicomJsonInstance;
}
