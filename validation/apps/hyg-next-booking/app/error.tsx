"use client";

export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h2>Something went wrong.</h2>
      <p>{error.digest ? `Reference: ${error.digest}` : null}</p>
      <button onClick={() => reset()}>Try again</button>
    </div>
  );
}
