import { Star } from "lucide-react";
import { Doctor } from "@/lib/supabase";

type Props = {
  doctor: Doctor;
  selected: boolean;
  onSelect: (d: Doctor) => void;
};

export default function DoctorCard({ doctor, selected, onSelect }: Props) {
  return (
    <button
      type="button"
      onClick={() => onSelect(doctor)}
      className={`group card flex w-full items-center gap-4 text-left transition ${selected ? "ring-2 ring-teal-600" : "hover:-translate-y-0.5 hover:shadow-lg"}`}
    >
      <img src={doctor.photo_url || "https://placehold.co/96x96"} className="h-16 w-16 rounded-2xl object-cover" />
      <div className="flex-1">
        <h3 className="font-semibold group-hover:text-teal-700">{doctor.name}</h3>
        <p className="text-sm text-slate-500">{doctor.specialty}</p>
        <div className="mt-1 flex items-center gap-1 text-xs text-amber-500">
          <Star className="h-3 w-3 fill-current" /> 4.9
        </div>
      </div>
      <p className="text-sm font-semibold">${doctor.fee}</p>
    </button>
  );
}
