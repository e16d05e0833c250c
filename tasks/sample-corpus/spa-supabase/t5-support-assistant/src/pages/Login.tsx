import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { toast } from "sonner";
import { supabase } from "@/lib/supabase";

export default function Login() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState("agent");
  const [mode, setMode] = useState<"login" | "signup">("login");
  const navigate = useNavigate();

  const submit = async (e) => {
    e.preventDefault();
    if (mode === "signup") {
      const { data, error } = await supabase.auth.signUp({
        email,
        password,
        options: { data: { name, role } },
      });
      if (error) return toast.error(error.message);
      await supabase.from("agents").insert({ id: data.user.id, email, name, role });
      localStorage.setItem("isAdmin", role === "admin" ? "true" : "false");
    } else {
      const { data, error } = await supabase.auth.signInWithPassword({ email, password });
      if (error) return toast.error(error.message);
      const { data: agent } = await supabase.from("agents").select("*").eq("id", data.user.id).single();
      localStorage.setItem("agent", JSON.stringify(agent));
      localStorage.setItem("isAdmin", agent?.role === "admin" ? "true" : "false");
    }
    navigate("/");
  };

  return (
    <div className="panel mx-auto mt-20 max-w-sm p-6">
      <h1 className="mb-4 text-xl font-semibold">{mode === "login" ? "Sign in to HelpPilot" : "Create your account"}</h1>
      <form onSubmit={submit} className="space-y-3">
        {mode === "signup" && (
          <>
            <input className="w-full rounded border px-3 py-2" placeholder="Your name" value={name} onChange={(e) => setName(e.target.value)} />
            <select className="w-full rounded border px-3 py-2" value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="agent">Agent</option>
              <option value="admin">Admin</option>
            </select>
          </>
        )}
        <input className="w-full rounded border px-3 py-2" placeholder="Work email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <input className="w-full rounded border px-3 py-2" type="password" placeholder="Password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <button className="btn w-full justify-center">{mode === "login" ? "Sign in" : "Sign up"}</button>
      </form>
      <button className="mt-3 text-sm text-violet-700" onClick={() => setMode(mode === "login" ? "signup" : "login")}>
        {mode === "login" ? "Create an account" : "I already have an account"}
      </button>
    </div>
  );
}
