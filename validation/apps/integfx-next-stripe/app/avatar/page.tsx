"use client";
import { supabase } from "@/lib/supabase-browser";

export default function AvatarPage() {
  const onFile = async (file: File) => {
    if (file.size > 2 * 1024 * 1024) return alert("Max 2MB");
    const { data: { user } } = await supabase.auth.getUser();
    // expect: G3.D3
    await supabase.storage.from("avatars").upload(`${user!.id}/avatar-${Date.now()}`, file);
  };
  return <input type="file" accept="image/*" onChange={(e) => onFile(e.target.files![0])} />;
}
