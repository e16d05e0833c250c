"use client";

import { useState } from "react";
import { signOut, useSession } from "next-auth/react";
import { Copy } from "lucide-react";

export default function AccountPage() {
  const { data: session } = useSession();
  const [name, setName] = useState(session?.user?.name ?? "");
  const [saved, setSaved] = useState(false);

  async function saveName(e: React.FormEvent) {
    e.preventDefault();
    const res = await fetch("/api/account", { method: "PATCH", body: JSON.stringify({ name }) });
    setSaved(res.ok);
  }

  async function deleteAccount() {
    if (!confirm("This permanently deletes your account and bookings. Continue?")) return;
    await fetch("/api/account", { method: "DELETE" });
    await signOut({ callbackUrl: "/" });
  }

  return (
    <main className="mx-auto max-w-md space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Account</h1>
      <form onSubmit={saveName} className="space-y-2">
        <label htmlFor="display-name" className="block text-sm">Display name</label>
        <div className="flex gap-2">
          <input id="display-name" value={name} onChange={(e) => setName(e.target.value)} className="flex-1 rounded border p-2" />
          {/* expect: G6.D3 */}
          <button type="button" onClick={() => navigator.clipboard.writeText(session?.user?.email ?? "")} className="rounded border px-2">
            <Copy className="h-4 w-4" />
          </button>
        </div>
        <button type="submit" className="rounded bg-black px-4 py-2 text-white">Save</button>
        {saved && <p className="text-sm text-green-700">Saved.</p>}
      </form>
      <section className="space-y-2 border-t pt-6">
        <a href="/api/account/export" className="block underline">Download my data</a>
        <button onClick={deleteAccount} className="text-red-600">Delete my account</button>
      </section>
    </main>
  );
}
