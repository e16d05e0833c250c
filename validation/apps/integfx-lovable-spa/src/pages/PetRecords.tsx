import { supabase } from "@/integrations/supabase/client";
import { useState } from "react";

export default function PetRecords() {
  const [url, setUrl] = useState("");
  const onFile = async (file: File) => {
    const { data: { user } } = await supabase.auth.getUser();
    const path = `${user!.id}/${file.name}`;
    // expect: G3.D3
    await supabase.storage.from("medical-records").upload(path, file);
    const { data } = supabase.storage.from("medical-records").getPublicUrl(path);
    setUrl(data.publicUrl);
  };
  return (
    <div>
      <h1>Upload vaccination records</h1>
      <input type="file" onChange={(e) => onFile(e.target.files![0])} />
      {url && <a href={url}>View record</a>}
    </div>
  );
}
