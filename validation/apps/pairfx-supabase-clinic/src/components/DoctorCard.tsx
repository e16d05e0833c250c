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
        "w-full rounded-lg border bg-white p-4 text-left shadow-sm transition",
        selected ? "border-blue-600 ring-2 ring-blue-200" : "hover:border-blue-300",
      )}
    >
      <h3 className="font-medium text-slate-900">{doctor.full_name}</h3>
      <p className="text-sm text-slate-500">{doctor.specialty}</p>
      <p className="mt-2 text-sm font-semibold text-blue-600">₹{doctor.fee_inr}</p>
    </button>
  );
};

export default DoctorCard;
