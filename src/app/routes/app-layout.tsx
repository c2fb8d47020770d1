import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { usePatient } from '@/features/patient/api/get-patient';
import { PatientBanner } from '@/features/patient/components/patient-banner';
import { useSmartSession } from '@/lib/smart-session';
import { preloadViewerRouteWhenIdle } from '../preload-viewer-route';

export function AppLayout() {
  const { context } = useSmartSession();
  const patient = usePatient();
  useEffect(() => preloadViewerRouteWhenIdle(), []);
  return (
    <div className="flex h-full flex-col">
      {context.needPatientBanner && patient.data && <PatientBanner patient={patient.data} />}
      {patient.isError && (
        <p role="alert" className="bg-red-950 px-4 py-2 text-sm text-red-200">
          The patient record could not be loaded: {patient.error.message}
        </p>
      )}
      <div className="min-h-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
