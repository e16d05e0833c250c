import { useEffect, useState } from "react";
import type { Appointment } from "@/lib/types";

export function useAppointments() {
  const [appointments, setAppointments] = useState<Appointment[]>([]);

  useEffect(() => {
    const saved = localStorage.getItem("appointments");
    if (saved) setAppointments(JSON.parse(saved));
  }, []);

  const persist = (next: Appointment[]) => {
    setAppointments(next);
    // expect: G7.P2
    localStorage.setItem("appointments", JSON.stringify(next));
  };

  const addAppointment = (data: Omit<Appointment, "id" | "status">) => {
    persist([...appointments, { ...data, id: crypto.randomUUID(), status: "scheduled" }]);
  };

  const updateStatus = (id: string, status: Appointment["status"]) => {
    persist(appointments.map((a) => (a.id === id ? { ...a, status } : a)));
  };

  const cancelAppointment = (id: string) => updateStatus(id, "cancelled");

  return { appointments, addAppointment, updateStatus, cancelAppointment };
}
