"use client";

import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";

export default function DeleteRoomButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  async function deleteRoom() {
    if (!confirm(`Delete ${name}? Existing bookings will be lost.`)) return;
    await fetch(`/api/rooms/${id}`, { method: "DELETE" });
    router.refresh();
  }
  return (
    <button onClick={deleteRoom} className="text-red-600" title={`Delete ${name}`}>
      <Trash2 className="h-4 w-4" />
    </button>
  );
}
