import { useState } from "react";
import { supabase } from "@/integrations/supabase/client";

interface BookingFormProps {
  doctorId: string;
  onBooked: () => void;
}

const BookingForm = ({ doctorId, onBooked }: BookingFormProps) => {
  const [startsAt, setStartsAt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const { data: { user } } = await supabase.auth.getUser();
    if (!user) {
      setError("Please sign in to book.");
      setSaving(false);
      return;
    }
    const { error } = await supabase.from("appointments").insert({
      patient_id: user.id,
      doctor_id: doctorId,
      starts_at: new Date(startsAt).toISOString(),
    });
    setSaving(false);
    if (error) setError(error.message);
    else onBooked();
  };

  return (
    <form onSubmit={submit} className="space-y-3 rounded-2xl border bg-white p-4">
      <label className="block text-sm font-medium text-zinc-700">
        Date and time
        <input
          type="datetime-local"
          required
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          className="mt-1 w-full rounded-xl border px-3 py-2"
        />
      </label>
      {error && <p className="text-sm text-red-600">{error}</p>}
      <button disabled={saving} className="w-full rounded-xl bg-teal-600 py-2 text-white disabled:opacity-50">
        {saving ? "Booking…" : "Book appointment"}
      </button>
    </form>
  );
};

export default BookingForm;
