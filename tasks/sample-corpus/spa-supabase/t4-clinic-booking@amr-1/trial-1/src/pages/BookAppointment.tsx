import { useEffect, useState } from "react";
import { format } from "date-fns";
import { toast } from "sonner";
import { CalendarDays, Clock } from "lucide-react";
import { supabase, Doctor } from "@/lib/supabase";
import DoctorCard from "@/components/DoctorCard";

const SLOTS = [
  "09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45",
  "11:00", "11:15", "11:30", "11:45", "16:00", "16:15", "16:30", "16:45",
];

// fallback so the page never looks empty
const SAMPLE_DOCTORS: Doctor[] = [
  { id: "1", name: "Dr. Ananya Kulkarni", specialty: "General Physician", fee: 500, photo_url: "" },
  { id: "2", name: "Dr. Rohan Deshpande", specialty: "Paediatrics", fee: 700, photo_url: "" },
  { id: "3", name: "Dr. Meera Iyer", specialty: "Dermatology", fee: 800, photo_url: "" },
];

export default function BookAppointment() {
  const [doctors, setDoctors] = useState<Doctor[]>([]);
  const [selected, setSelected] = useState<Doctor | null>(null);
  const [date, setDate] = useState(format(new Date(), "yyyy-MM-dd"));
  const [slot, setSlot] = useState("");
  const [booking, setBooking] = useState(false);

  useEffect(() => {
    supabase
      .from("doctors")
      .select("*")
      .then(({ data }) => {
        console.log("doctors", data);
        setDoctors(data && data.length ? data : SAMPLE_DOCTORS);
      });
  }, []);

  const book = async () => {
    const user = JSON.parse(localStorage.getItem("user") || "null");
    if (!user) {
      toast.error("Please sign in first");
      return;
    }
    setBooking(true);

    // check if slot is free
    const { data: existing } = await supabase
      .from("appointments")
      .select("id")
      .eq("doctor_id", selected!.id)
      .eq("date", date)
      .eq("slot", slot);

    if (existing && existing.length > 0) {
      toast.error("This slot is already booked");
      setBooking(false);
      return;
    }

    const { data, error } = await supabase
      .from("appointments")
      .insert({ patient_id: user.id, doctor_id: selected!.id, date, slot, status: "booked" })
      .select()
      .single();

    if (error) {
      console.error(error);
    } else {
      await supabase.from("invoices").insert({
        appointment_id: data.id,
        patient_id: user.id,
        amount: selected!.fee,
        status: "unpaid",
      });
      await supabase.functions.invoke("send-confirmation", {
        body: { email: user.email, doctor: selected!.name, date, slot },
      });
      toast.success(`Booked with ${selected!.name} on ${new Date(date).toLocaleDateString("en-US")} at ${slot}`);
      setSlot("");
    }
    setBooking(false);
  };

  return (
    <div className="space-y-8">
      <section className="rounded-3xl bg-gradient-to-r from-teal-600 to-emerald-500 p-8 text-white">
        <h1 className="text-4xl font-bold">Book an appointment</h1>
        <p className="mt-2 text-teal-50">Choose a doctor, a date and a time that suits you. Need to change it later? Reschedule from My appointments.</p>
      </section>

      <div className="grid gap-4 md:grid-cols-3">
        {doctors.map((d) => (
          <DoctorCard key={d.id} doctor={d} selected={selected?.id === d.id} onSelect={setSelected} />
        ))}
      </div>

      {selected && (
        <div className="card space-y-4">
          <label className="flex items-center gap-2 text-sm font-medium"><CalendarDays className="h-4 w-4" /> Date</label>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} className="rounded-lg border px-3 py-2" />
          <label className="flex items-center gap-2 text-sm font-medium"><Clock className="h-4 w-4" /> Time</label>
          <div className="grid grid-cols-4 gap-2 md:grid-cols-8">
            {SLOTS.map((s) => (
              <button
                key={s}
                onClick={() => setSlot(s)}
                className={`rounded-full border px-3 py-1.5 text-sm transition ${slot === s ? "bg-teal-600 text-white" : "hover:border-teal-500"}`}
              >
                {s}
              </button>
            ))}
          </div>
          <button className="btn-primary" disabled={!slot || booking} onClick={book}>
            {booking ? "Booking..." : "Confirm booking"}
          </button>
        </div>
      )}
    </div>
  );
}
