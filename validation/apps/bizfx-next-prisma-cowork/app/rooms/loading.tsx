export default function Loading() {
  return <p className="p-10 text-center">Loading rooms…</p>;
}
