"use client";

import { useState } from "react";

export default function RoleSelect({ userId, role, label }: { userId: string; role: string; label: string }) {
  const [value, setValue] = useState(role);
  const [status, setStatus] = useState<"idle" | "saving" | "error">("idle");

  async function changeRole(next: string) {
    setStatus("saving");
    const res = await fetch(`/api/admin/users/${userId}/role`, { method: "PATCH", body: JSON.stringify({ role: next }) });
    if (!res.ok) return setStatus("error");
    setValue(next);
    setStatus("idle");
  }

  return (
    <span className="flex items-center gap-2">
      {/* ok: G6.D3 */}
      <select aria-label={label} value={value} onChange={(e) => changeRole(e.target.value)} disabled={status === "saving"}>
        <option value="customer">Customer</option>
        <option value="agent">Agent</option>
        <option value="admin">Admin</option>
      </select>
      {status === "error" && <span role="alert" className="text-xs text-red-600">Not saved</span>}
    </span>
  );
}
