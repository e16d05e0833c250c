import { Doctor } from "@/lib/supabase";

type Props = {
  doctor: Doctor;
  selected: boolean;
  onSelect: (d: Doctor) => void;
};

export default function DoctorCard({ doctor, selected, onSelect }: Props) {
  return (
    <div
      onClick={() => onSelect(doctor)}
      className={`card cursor-pointer transition ${selected ? "ring-2 ring-teal-600" : "hover:shadow-md"}`}
    >
      <img src={doctor.photo_url || "https://placehold.co/120x120"} className="mb-3 h-20 w-20 rounded-full object-cover" />
      <h3 className="font-semibold">{doctor.name}</h3>
      <p className="text-sm text-slate-500">{doctor.specialty}</p>
      <p className="mt-2 text-sm font-medium">${doctor.fee} / visit</p>
    </div>
  );
}
