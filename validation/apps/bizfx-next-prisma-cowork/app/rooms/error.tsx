"use client";

export default function RoomsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="p-10 text-center">
      <p>Rooms could not be loaded.</p>
      <button onClick={() => reset()} className="mt-3 underline">Try again</button>
    </div>
  );
}
