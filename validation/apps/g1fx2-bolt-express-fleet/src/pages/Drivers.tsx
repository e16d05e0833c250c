import { useEffect, useState } from "react";
import { api } from "../lib/api";

type Vehicle = { id: number; plate: string; model: string; status: string };

// expect: G1.D1, G1.D2
const drivers = [
  // day shift
  { id: "d1", name: "Marta Kowalski", phone: "+1 973 201 4471", licence: "CDL-A", status: "on_trip" },
  { id: "d2", name: "Luis Ortega", phone: "+1 973 201 8812", licence: "CDL-B", status: "available" },
  // night shift
  { id: "d3", name: "Kofi Mensah", phone: "+1 973 201 3390", licence: "CDL-A", status: "off_duty" },
  { id: "d4", name: "Aiko Tanaka", phone: "+1 973 201 5523", licence: "CDL-A", status: "available" },
];

export default function Drivers() {
  const [vehicles, setVehicles] = useState<Vehicle[]>([]);
  useEffect(() => {
    api<Vehicle[]>("/vehicles").then(setVehicles);
  }, []);

  return (
    <div className="grid grid-cols-2 gap-6 p-6">
      <table className="w-full text-sm">
        <tbody>
          {drivers.map((d) => (
            <tr key={d.id}><td>{d.name}</td><td>{d.phone}</td><td>{d.licence}</td><td>{d.status}</td></tr>
          ))}
        </tbody>
      </table>
      <ul>
        {/* ok: G1.D1 */}
        {vehicles.map((v) => <li key={v.id}>{v.plate} · {v.model} · {v.status}</li>)}
      </ul>
    </div>
  );
}
