"use client";
import { supabase } from "@/lib/supabase-browser";

export default function DocumentsPage() {
  const onFile = async (file: File) => {
    const { data: { user } } = await supabase.auth.getUser();
    // ok: G3.D3
    await supabase.storage.from("invoice-pdfs").upload(`${user!.id}/${file.name}`, file);
    const { data } = await supabase.storage.from("invoice-pdfs").createSignedUrl(`${user!.id}/${file.name}`, 300);
    window.open(data?.signedUrl);
  };
  return <input type="file" accept="application/pdf" onChange={(e) => onFile(e.target.files![0])} />;
}
