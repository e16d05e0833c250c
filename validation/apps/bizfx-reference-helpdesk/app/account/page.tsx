"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

export default function AccountPage() {
  const router = useRouter();
  const [fullName, setFullName] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  async function saveName(e: React.FormEvent) {
    e.preventDefault();
    const res = await fetch("/api/account", { method: "PATCH", body: JSON.stringify({ full_name: fullName }) });
    setMessage(res.ok ? "Saved." : "Could not save your name.");
  }

  async function deleteAccount() {
    if (!confirm("Delete your account and all your tickets? This cannot be undone.")) return;
    const res = await fetch("/api/account", { method: "DELETE" });
    if (res.ok) router.push("/goodbye");
    else setMessage("Your account could not be deleted. Contact support.");
  }

  return (
    <main className="mx-auto max-w-md space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <form onSubmit={saveName} className="space-y-2">
        <label htmlFor="full-name" className="block text-sm">Full name</label>
        <input id="full-name" value={fullName} onChange={(e) => setFullName(e.target.value)} className="w-full rounded border p-2" />
        <button type="submit" className="rounded bg-black px-4 py-2 text-white">Save</button>
      </form>
      {message && <p role="status">{message}</p>}
      <section className="space-y-2 border-t pt-6">
        <a href="/api/account/export" download className="block underline">Export my data (JSON)</a>
        <button onClick={deleteAccount} className="text-red-600">Delete my account</button>
      </section>
    </main>
  );
}
