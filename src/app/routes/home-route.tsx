import { Navigate, useLocation } from 'react-router';
import { StudyListScreen } from '@/features/study-list/components/study-list-screen';

/**
 * The app root. An IHE Invoke Image Display request may be sent to the root rather than to
 * `/viewer`: `requestType` (and OHIF's `StudyInstanceUIDs`) are handed to the viewer route, which
 * knows both dialects. Everything else here is the list, its filters in the search params.
 */
export function HomeRoute() {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  if (params.has('requestType') || params.has('StudyInstanceUIDs')) {
    return <Navigate to={`/viewer${search}`} replace />;
  }
  return <StudyListScreen />;
}
