import type { ReactNode } from 'react';

/** A calm, centred card for start, waiting and error pages. */
export function CenteredPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <section className="w-full max-w-xl rounded-lg border border-slate-700 bg-slate-900 p-6 shadow-lg">
        <h1 className="mb-4 text-xl font-semibold text-slate-50">{title}</h1>
        <div className="space-y-3 text-slate-300">{children}</div>
      </section>
    </main>
  );
}
