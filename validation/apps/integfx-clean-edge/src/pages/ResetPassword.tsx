import { useState } from "react";
import { supabase } from "@/integrations/supabase/client";

export default function ResetPassword() {
  const [password, setPassword] = useState("");
  return (
    <div>
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button onClick={() => supabase.auth.updateUser({ password })}>Save new password</button>
    </div>
  );
}
