import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router-dom";
import { supabase } from "@/integrations/supabase/client";
import DoctorCard from "@/components/DoctorCard";
import BookingForm from "@/components/BookingForm";

const Index = () => {
  const navigate = useNavigate();
  const [doctorId, setDoctorId] = useState<string | null>(null);
  const { data: doctors, isLoading } = useQuery({
    queryKey: ["doctors"],
    queryFn: async () => {
      const { data, error } = await supabase.from("doctors").select("*").order("full_name");
      if (error) throw error;
      return data;
    },
  });

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">Book a consultation</h1>
      <p className="mt-1 text-slate-500">Choose a doctor, then pick a time that suits you.</p>
      {isLoading ? (
        <p className="mt-6 text-slate-500">Loading doctors…</p>
      ) : (
        <div className="mt-6 grid gap-4 md:grid-cols-3">
          {doctors?.map((d) => (
            <DoctorCard key={d.id} doctor={d} selected={d.id === doctorId} onSelect={setDoctorId} />
          ))}
        </div>
      )}
      {doctorId && (
        <div className="mt-8 max-w-md">
          <BookingForm doctorId={doctorId} onBooked={() => navigate("/appointments")} />
        </div>
      )}
    </div>
  );
};

export default Index;
