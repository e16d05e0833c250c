import { supabase } from "@/integrations/supabase/client";

export default function Photos() {
  const onFile = async (file: File) => {
    const { data: { user } } = await supabase.auth.getUser();
    await supabase.storage.from("cake-photos").upload(`${user!.id}/${crypto.randomUUID()}`, file);
  };
  return <input type="file" accept="image/*" onChange={(e) => onFile(e.target.files![0])} />;
}
