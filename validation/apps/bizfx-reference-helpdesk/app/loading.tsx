export default function Loading() {
  return (
    <div aria-busy="true" className="p-10 text-center text-neutral-500">
      Loading…
    </div>
  );
}
