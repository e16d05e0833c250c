"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

export default function NewTicketPage() {
  const router = useRouter();
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function createTicket(e: React.FormEvent) {
    e.preventDefault();
    const res = await fetch("/api/tickets", { method: "POST", body: JSON.stringify({ subject, body }) });
    if (!res.ok) return setError("We could not open your ticket. Check the fields and try again.");
    const ticket = await res.json();
    router.push(`/tickets/${ticket.id}`);
  }

  return (
    <form onSubmit={createTicket} className="mx-auto max-w-xl space-y-4 p-6">
      <h1 className="text-2xl font-semibold">New ticket</h1>
      <label className="block text-sm">
        Subject
        <input value={subject} onChange={(e) => setSubject(e.target.value)} className="mt-1 w-full rounded border p-2" required />
      </label>
      <label className="block text-sm">
        What happened?
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={6} className="mt-1 w-full rounded border p-2" required />
      </label>
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
      <button type="submit" className="rounded bg-black px-4 py-2 text-white">Open ticket</button>
    </form>
  );
}
