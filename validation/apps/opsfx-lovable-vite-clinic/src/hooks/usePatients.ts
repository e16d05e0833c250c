import { useState } from "react";
import type { Patient } from "@/lib/types";

const STORAGE_KEY = "brightsmile_patients";

function load(): Patient[] {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) || "[]");
  } catch {
    return [];
  }
}

export function usePatients() {
  const [patients, setPatients] = useState<Patient[]>(load);

  const savePatients = (next: Patient[]) => {
    setPatients(next);
    // expect: G7.P2
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  };

  const addPatient = (p: Omit<Patient, "id">) => savePatients([...patients, { ...p, id: crypto.randomUUID() }]);
  const updatePatient = (id: string, patch: Partial<Patient>) =>
    savePatients(patients.map((p) => (p.id === id ? { ...p, ...patch } : p)));

  return { patients, addPatient, updatePatient };
}
