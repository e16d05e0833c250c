import { useCallback, useEffect, useState } from "react";
import { api, friendlyError, supabase } from "../lib/supabase";
import { clinicDay, formatDate, formatTime } from "../lib/format";

type DayAppointment = {
  id: string;
  startsAt: string;
  status: "booked" | "checked_in" | "completed" | "cancelled" | "no_show";
  patientName: string;
  doctorName: string;
};

export default function FrontDesk() {
  const [day, setDay] = useState(clinicDay());
  const [rows, setRows] = useState<DayAppointment[] | null>(null);
  const [error, setError] = useState("");
  const [filter, setFilter] = useState("");

  const load = useCallback(() => {
    setRows(null);
    setError("");
    api<{ appointments: DayAppointment[] }>(`/api/staff/day?date=${day}`).then(
      (res) => setRows(res.appointments),
      (err: unknown) => setError(friendlyError(err)),
    );
  }, [day]);

  useEffect(load, [load]);

  async function setStatus(id: string, status: DayAppointment["status"]) {
    // RLS lets staff update the status column only.
    const { error: updateError } = await supabase.from("appointments").update({ status }).eq("id", id);
    if (updateError) setError("Could not update the appointment. Please try again.");
    else load();
  }

  async function raiseInvoice(id: string) {
    try {
      await api("/api/invoices", { method: "POST", body: JSON.stringify({ appointmentId: id }) });
      load();
    } catch (err) {
      setError(friendlyError(err));
    }
  }

  const visible = (rows ?? []).filter((r) => r.patientName.toLowerCase().includes(filter.toLowerCase()));

  return (
    <section aria-labelledby="desk-title" className="card">
      <h1 id="desk-title">Front desk — {formatDate(`${day}T06:30:00Z`)}</h1>
      <label htmlFor="desk-day">Day</label>
      <input id="desk-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      <label htmlFor="desk-filter">Find patient</label>
      <input id="desk-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />

      {error && <p role="alert">{error}</p>}
      {!rows && !error && <p role="status">Loading the day's appointments…</p>}
      {rows && visible.length === 0 && <p>No appointments for this day.</p>}
      {rows && visible.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Patient</th>
              <th scope="col">Doctor</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.id}>
                <td>{formatTime(r.startsAt)}</td>
                <td>{r.patientName}</td>
                <td>{r.doctorName}</td>
                <td>{r.status.replace("_", " ")}</td>
                <td>
                  {r.status === "booked" && (
                    <>
                      <button type="button" onClick={() => setStatus(r.id, "checked_in")}>Check in {r.patientName}</button>
                      <button type="button" onClick={() => setStatus(r.id, "no_show")}>Mark {r.patientName} as no-show</button>
                    </>
                  )}
                  {r.status === "checked_in" && (
                    <button type="button" onClick={() => setStatus(r.id, "completed")}>Complete visit</button>
                  )}
                  {r.status === "completed" && (
                    <button type="button" onClick={() => raiseInvoice(r.id)}>Raise invoice</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
