import { useEffect, useState } from "react";
import { api } from "../lib/api";

type Trip = { id: number; vehicle_id: number; driver: string; starts_at: string };
type TripDraft = { id: string; vehicleId: string; driver: string; startsAt: string };

export default function Trips() {
  const [trips, setTrips] = useState<Trip[]>([]);
  const [drafts, setDrafts] = useState<TripDraft[]>(() => JSON.parse(localStorage.getItem("trip-drafts") ?? "[]"));
  const [note, setNote] = useState(() => localStorage.getItem("dispatch-note-draft") ?? "");

  useEffect(() => {
    api<Trip[]>("/trips").then(setTrips);
  }, []);

  useEffect(() => {
    // expect: G7.P2
    localStorage.setItem("trip-drafts", JSON.stringify(drafts));
  }, [drafts]);

  useEffect(() => {
    // ok: G7.P2
    localStorage.setItem("dispatch-note-draft", note);
    // ok: G7.P2
    localStorage.setItem("trips-table-density", "compact");
  }, [note]);

  const addDraft = () => setDrafts([...drafts, { id: crypto.randomUUID(), vehicleId: "", driver: "", startsAt: "" }]);

  const schedule = async (d: TripDraft) => {
    const trip = await api<Trip>("/trips", { method: "POST", body: JSON.stringify(d) });
    setTrips([trip, ...trips]);
    setDrafts(drafts.filter((x) => x.id !== d.id));
  };

  return (
    <div className="space-y-6 p-6">
      {/* expect: G1.D1 */}
      <button onClick={addDraft} className="rounded bg-blue-600 px-3 py-2 text-white">New trip draft</button>
      <ul>
        {drafts.map((d) => (
          <li key={d.id}>{d.driver || "Unassigned"} <button onClick={() => schedule(d)}>Schedule</button></li>
        ))}
      </ul>
      <textarea value={note} onChange={(e) => setNote(e.target.value)} />
      <ul>
        {trips.map((t) => <li key={t.id}>#{t.id} {t.driver} {t.starts_at}</li>)}
      </ul>
    </div>
  );
}
