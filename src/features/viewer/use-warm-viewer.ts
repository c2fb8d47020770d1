import { useSmartSession } from '@/lib/smart-session';
import { useWarmRendering } from '@/rendering/use-warm-rendering';

/** For the route that is about to show a study: the viewer's rendering starts while it looks it up. */
export function useWarmViewer(): void {
  const { authorizationFor } = useSmartSession();
  useWarmRendering(authorizationFor);
}
