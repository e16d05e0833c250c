import { useState } from "react";
import { usePatients } from "@/hooks/usePatients";

export default function Patients() {
  const { patients, addPatient } = usePatients();
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [email, setEmail] = useState("");
  const [dateOfBirth, setDateOfBirth] = useState("");

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Patients</h1>
      <form
        className="flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          addPatient({ name, phone, email, dateOfBirth });
          setName(""); setPhone(""); setEmail(""); setDateOfBirth("");
        }}
      >
        <input placeholder="Full name" value={name} onChange={(e) => setName(e.target.value)} required />
        <input placeholder="Phone" value={phone} onChange={(e) => setPhone(e.target.value)} />
        <input placeholder="Email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <input type="date" value={dateOfBirth} onChange={(e) => setDateOfBirth(e.target.value)} />
        <button type="submit">Add patient</button>
      </form>
      <table className="w-full text-sm">
        <thead><tr><th>Name</th><th>Phone</th><th>Email</th><th>Born</th></tr></thead>
        <tbody>
          {patients.map((p) => (
            <tr key={p.id}><td>{p.name}</td><td>{p.phone}</td><td>{p.email}</td><td>{p.dateOfBirth}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
