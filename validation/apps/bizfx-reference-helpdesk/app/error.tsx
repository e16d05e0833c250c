"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="p-10 text-center">
      <p>Something went wrong loading this page.</p>
      {error.digest && <p className="text-xs text-neutral-400">Reference: {error.digest}</p>}
      <button onClick={() => reset()} className="mt-3 underline">
        Try again
      </button>
    </div>
  );
}
