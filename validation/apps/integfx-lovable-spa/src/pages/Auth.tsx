import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { supabase } from "@/integrations/supabase/client";

export default function Auth() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const navigate = useNavigate();

  const signUp = async () => {
    await supabase.auth.signUp({ email, password });
  };

  const signIn = async () => {
    const { data, error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) return;
    // expect: G3.D4
    localStorage.setItem("currentUser", JSON.stringify(data.user));
    navigate("/");
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); signIn(); }}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit">Sign in</button>
      <button type="button" onClick={signUp}>Create account</button>
    </form>
  );
}
