import { useState } from "react";
import { toast } from "sonner";
import { supabase } from "@/integrations/supabase/client";

export default function Login() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // ok: G3.D4
  const remember = () => localStorage.setItem("lastEmail", email);
  const signIn = () => supabase.auth.signInWithPassword({ email, password });
  const signUp = () => supabase.auth.signUp({ email, password, options: { emailRedirectTo: `${window.location.origin}/` } });
  const forgot = async () => {
    await supabase.auth.resetPasswordForEmail(email, { redirectTo: `${window.location.origin}/reset-password` });
    toast.success("Check your inbox for a reset link");
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); signIn(); }}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" onClick={remember}>Sign in</button>
      <button type="button" onClick={signUp}>Sign up</button>
      <button type="button" onClick={forgot}>Forgot password?</button>
    </form>
  );
}
