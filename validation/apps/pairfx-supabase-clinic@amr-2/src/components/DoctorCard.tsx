import { cn } from "@/lib/utils";

type Doctor = { id: string; full_name: string; specialty: string; fee_inr: number };

interface DoctorCardProps {
  doctor: Doctor;
  selected: boolean;
  onSelect: (id: string) => void;
}

const DoctorCard = ({ doctor, selected, onSelect }: DoctorCardProps) => {
  return (
    <button
      onClick={() => onSelect(doctor.id)}
      className={cn(
        "w-full rounded-2xl border bg-white p-4 text-left shadow-sm transition",
        selected ? "border-teal-600 ring-2 ring-teal-200" : "hover:border-teal-300",
      )}
    >
      <h3 className="font-medium text-zinc-900">{doctor.full_name}</h3>
      <p className="text-sm text-zinc-500">{doctor.specialty}</p>
      <p className="mt-2 text-sm font-semibold text-teal-600">₹{doctor.fee_inr}</p>
    </button>
  );
};

export default DoctorCard;
