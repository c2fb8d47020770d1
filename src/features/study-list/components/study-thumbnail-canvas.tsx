import { useSmartSession } from '@/lib/smart-session';
import { useThumbnail } from '@/rendering/use-thumbnail';
import type { ImageSource } from '@/domain/imaging/image-source';
import { PreviewFailure } from './preview-failure';

/** The hook reports that the image failed, not why (fetch, decode or draw): the words say no more. */
const NOT_DRAWN = {
  brief: 'No preview: image failed',
  sentence: 'No preview: the preview image could not be loaded or drawn. Open the study to see its images.',
};

/**
 * The preview: drawn as a first paint is when its frame needs no codec, else by Cornerstone
 * (use-thumbnail.ts). Loaded with `lazy()` only: this module can pull Cornerstone and its codecs in,
 * which the list's first paint must not wait for.
 */
export default function StudyThumbnailCanvas({ source }: { source: ImageSource }) {
  const { authorizationFor } = useSmartSession();
  const { attachCanvas, status } = useThumbnail(source, authorizationFor);
  return (
    <>
      <canvas
        ref={attachCanvas}
        width={64}
        height={64}
        data-testid="study-thumbnail-canvas"
        data-thumbnail-status={status}
        // Cornerstone sizes the canvas inline (a plain drawing sizes its bitmap to the box); the !important
        // sizes keep it in its box.
        className={`h-full! w-full! object-contain ${status === 'error' ? 'hidden!' : ''}`}
      />
      {status === 'error' && <PreviewFailure reason={NOT_DRAWN} />}
    </>
  );
}
