import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api, ApiError, friendlyError, supabase } from "../lib/supabase";
import { clinicDay, formatDate, formatINR, formatTime } from "../lib/format";
import { canReschedule, rescheduleErrorMessage } from "../lib/reschedule";

type Load<T> = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; data: T };

type AppointmentRow = {
  id: string;
  doctor_id: string;
  starts_at: string;
  status: string;
  rescheduled_from: string | null;
  doctors: { full_name: string; specialty: string } | null;
};

type Rescheduling = { id: string; doctorId: string; doctorName: string; startsAt: string };

type InvoiceRow = { id: string; total_paise: number; status: string; created_at: string };
type DoctorRow = { id: string; full_name: string; specialty: string; fee_paise: number; photo_url: string | null };

function useQuery<T>(run: () => Promise<T>) {
  const [state, setState] = useState<Load<T>>({ status: "loading" });
  const reload = useCallback(() => {
    setState({ status: "loading" });
    run().then(
      (data) => setState({ status: "ready", data }),
      (err: unknown) => setState({ status: "error", message: err instanceof Error ? err.message : "Could not load" }),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { state, reload };
}

function Upcoming({ userId, onReschedule }: { userId: string; onReschedule: (r: Rescheduling) => void }) {
  const load = useCallback(async () => {
    const { data, error } = await supabase
      .from("appointments")
      .select("id, doctor_id, starts_at, status, rescheduled_from, doctors(full_name, specialty)")
      .eq("patient_id", userId)
      .gte("starts_at", new Date().toISOString())
      .order("starts_at")
      .limit(20)
      .returns<AppointmentRow[]>();
    if (error) throw new Error(error.message);
    return data;
  }, [userId]);
  const { state, reload } = useQuery(load);
  const [notice, setNotice] = useState("");

  async function cancel(id: string) {
    try {
      await api(`/api/bookings/${id}/cancel`, { method: "POST" });
      setNotice("Appointment cancelled.");
      reload();
    } catch (err) {
      setNotice(friendlyError(err));
    }
  }

  return (
    <section aria-labelledby="upcoming-title" className="card">
      <h2 id="upcoming-title">Upcoming appointments</h2>
      {notice && <p role="status">{notice}</p>}
      {state.status === "loading" && <p role="status">Loading your appointments…</p>}
      {state.status === "error" && (
        <p role="alert">
          We could not load your appointments. <button type="button" onClick={reload}>Try again</button>
        </p>
      )}
      {state.status === "ready" && state.data.length === 0 && <p>You have no upcoming appointments. Book one below.</p>}
      {state.status === "ready" && state.data.length > 0 && (
        <ul>
          {state.data.map((a) => (
            <li key={a.id}>
              <strong>{a.doctors?.full_name}</strong> ({a.doctors?.specialty}) — {formatDate(a.starts_at)}, {formatTime(a.starts_at)}
              {a.rescheduled_from && <span> (moved from {formatDate(a.rescheduled_from)}, {formatTime(a.rescheduled_from)})</span>}
              {a.status === "booked" ? (
                <>
                  {canReschedule(a) && (
                    <button
                      type="button"
                      onClick={() =>
                        onReschedule({ id: a.id, doctorId: a.doctor_id, doctorName: a.doctors?.full_name ?? "your doctor", startsAt: a.starts_at })
                      }
                      aria-label={`Reschedule appointment with ${a.doctors?.full_name} on ${formatDate(a.starts_at)}`}
                    >
                      Reschedule
                    </button>
                  )}
                  <button type="button" onClick={() => cancel(a.id)} aria-label={`Cancel appointment with ${a.doctors?.full_name} on ${formatDate(a.starts_at)}`}>
                    Cancel
                  </button>
                </>
              ) : (
                <span> · {a.status.replace("_", " ")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BookingForm({ onBooked, rescheduling, onDone }: { onBooked: () => void; rescheduling?: Rescheduling; onDone?: () => void }) {
  const loadDoctors = useCallback(async () => {
    const { data, error } = await supabase
      .from("doctors")
      .select("id, full_name, specialty, fee_paise, photo_url")
      .eq("active", true)
      .order("full_name")
      .returns<DoctorRow[]>();
    if (error) throw new Error(error.message);
    return data;
  }, []);
  const doctors = useQuery(loadDoctors);
  const [doctorId, setDoctorId] = useState(rescheduling?.doctorId ?? "");
  const [day, setDay] = useState(clinicDay());
  const [slots, setSlots] = useState<Load<string[]> | null>(null);
  const [slot, setSlot] = useState("");
  const [message, setMessage] = useState("");
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!doctorId) return;
    setSlots({ status: "loading" });
    setSlot("");
    api<{ slots: string[] }>(`/api/doctors/${doctorId}/slots?date=${day}`).then(
      (res) => setSlots({ status: "ready", data: res.slots }),
      (err: unknown) => setSlots({ status: "error", message: friendlyError(err) }),
    );
  }, [doctorId, day]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setMessage("");
    try {
      if (rescheduling) {
        await api(`/api/bookings/${rescheduling.id}/reschedule`, { method: "POST", body: JSON.stringify({ startsAt: slot }) });
        setMessage(`Moved to ${formatDate(slot)} at ${formatTime(slot)}. The clinic has been told.`);
      } else {
        await api("/api/bookings", { method: "POST", body: JSON.stringify({ doctorId, startsAt: slot }) });
        setMessage(`Booked for ${formatDate(slot)} at ${formatTime(slot)}. A confirmation email is on its way.`);
      }
      setSlot("");
      onBooked();
      onDone?.();
    } catch (err) {
      setMessage(rescheduling && err instanceof ApiError ? rescheduleErrorMessage(err.code) : friendlyError(err));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="book-title">
      <h2 id="book-title">
        {rescheduling
          ? `Move your ${formatDate(rescheduling.startsAt)}, ${formatTime(rescheduling.startsAt)} appointment with ${rescheduling.doctorName}`
          : "Book an appointment"}
      </h2>
      {doctors.state.status === "loading" && <p role="status">Loading doctors…</p>}
      {doctors.state.status === "error" && <p role="alert">Doctors could not be loaded. Please refresh.</p>}
      {doctors.state.status === "ready" && (
        <>
          <label htmlFor="doctor">Doctor</label>
          <select id="doctor" required disabled={!!rescheduling} value={doctorId} onChange={(e) => setDoctorId(e.target.value)}>
            <option value="">Choose a doctor</option>
            {doctors.state.data.map((d) => (
              <option key={d.id} value={d.id}>
                {d.full_name} — {d.specialty} ({formatINR(d.fee_paise)})
              </option>
            ))}
          </select>

          <label htmlFor="day">Date</label>
          <input id="day" type="date" required min={clinicDay()} value={day} onChange={(e) => setDay(e.target.value)} />

          <fieldset>
            <legend>Time</legend>
            {!doctorId && <p>Choose a doctor to see free times.</p>}
            {slots?.status === "loading" && <p role="status">Finding free times…</p>}
            {slots?.status === "error" && <p role="alert">{slots.message}</p>}
            {slots?.status === "ready" && slots.data.length === 0 && <p>No free times on {formatDate(`${day}T06:30:00Z`)}. Try another day.</p>}
            {slots?.status === "ready" &&
              slots.data.map((s) => (
                <label key={s} className="slot">
                  <input type="radio" name="slot" value={s} checked={slot === s} onChange={() => setSlot(s)} />
                  {formatTime(s)}
                </label>
              ))}
          </fieldset>

          <button type="submit" disabled={!slot || submitting}>
            {submitting ? "Saving…" : rescheduling ? "Move appointment" : "Confirm booking"}
          </button>
          {rescheduling && (
            <button type="button" onClick={onDone}>
              Keep the current time
            </button>
          )}
          {message && <p role="status">{message}</p>}
        </>
      )}
    </form>
  );
}

function Invoices({ userId }: { userId: string }) {
  const load = useCallback(async () => {
    const { data, error } = await supabase
      .from("invoices")
      .select("id, total_paise, status, created_at")
      .eq("patient_id", userId)
      .order("created_at", { ascending: false })
      .limit(50)
      .returns<InvoiceRow[]>();
    if (error) throw new Error(error.message);
    return data;
  }, [userId]);
  const { state } = useQuery(load);
  const [error, setError] = useState("");

  async function pay(id: string) {
    try {
      const { url } = await api<{ url: string }>(`/api/invoices/${id}/checkout`, { method: "POST" });
      window.location.assign(url);
    } catch (err) {
      setError(friendlyError(err));
    }
  }

  return (
    <section aria-labelledby="invoices-title" className="card">
      <h2 id="invoices-title">Invoices</h2>
      {error && <p role="alert">{error}</p>}
      {state.status === "loading" && <p role="status">Loading invoices…</p>}
      {state.status === "error" && <p role="alert">Invoices could not be loaded.</p>}
      {state.status === "ready" && state.data.length === 0 && <p>No invoices yet.</p>}
      {state.status === "ready" && state.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Amount (incl. GST)</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((inv) => (
              <tr key={inv.id}>
                <td>{formatDate(inv.created_at)}</td>
                <td>{formatINR(inv.total_paise)}</td>
                <td>
                  {inv.status === "unpaid" ? (
                    <button type="button" onClick={() => pay(inv.id)}>
                      Pay {formatINR(inv.total_paise)}
                    </button>
                  ) : (
                    inv.status
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

export default function PatientHome({ userId, initialTab = "appointments" }: { userId: string; initialTab?: "appointments" | "invoices" }) {
  const [refreshKey, setRefreshKey] = useState(0);
  const [rescheduling, setRescheduling] = useState<Rescheduling | null>(null);

  if (initialTab === "invoices") return <Invoices userId={userId} />;

  return (
    <>
      {/* a new key remounts the list so it reloads after a booking or a move */}
      <Upcoming key={refreshKey} userId={userId} onReschedule={setRescheduling} />
      {rescheduling ? (
        <BookingForm
          key={rescheduling.id}
          rescheduling={rescheduling}
          onBooked={() => setRefreshKey((k) => k + 1)}
          onDone={() => setRescheduling(null)}
        />
      ) : (
        <BookingForm onBooked={() => setRefreshKey((k) => k + 1)} />
      )}
    </>
  );
}
