import { useState } from 'react';

/**
 * Copies an absolute link to this app. When the clipboard is refused (no permission, insecure
 * context) the link is shown selected instead, so it can still be copied by hand.
 */
export function CopyLinkButton({ path, label = 'Copy link' }: { path: string; label?: string }) {
  const [state, setState] = useState<{ path: string; outcome: 'copied' | 'manual' } | null>(null);
  const url = new URL(path, window.location.origin).href;
  // The outcome belongs to the link it was for: a new link reads as not yet copied.
  const outcome = state?.path === path ? state.outcome : null;

  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => setState({ path, outcome: 'copied' }),
      () => setState({ path, outcome: 'manual' }),
    );
  };

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        data-testid="copy-link"
        data-link={url}
        className="min-h-6 rounded border border-slate-600 px-2 py-0.5 text-xs text-slate-200 hover:border-slate-400"
      >
        {label}
      </button>
      {outcome === 'copied' && (
        <span role="status" className="text-xs text-emerald-300">
          Link copied
        </span>
      )}
      {outcome === 'manual' && (
        <input
          readOnly
          value={url}
          aria-label="Link to this study"
          className="w-72 rounded bg-slate-800 px-1 text-xs"
          onFocus={(event) => event.currentTarget.select()}
          ref={(node) => node?.select()}
        />
      )}
    </span>
  );
}
