import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { toast } from "sonner";
import { Loader2, Mail, Lock } from "lucide-react";
import { supabase } from "@/lib/supabase";

export default function Login() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [mode, setMode] = useState<"signin" | "signup">("signin");
  const [loading, setLoading] = useState(false);
  const navigate = useNavigate();

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setLoading(true);
    console.log("login attempt", email, password);

    if (mode === "signup") {
      const { data, error } = await supabase.auth.signUp({ email, password });
      if (error) {
        setLoading(false);
        return toast.error(error.message);
      }
      await supabase.from("profiles").insert({ id: data.user?.id, email, full_name: email.split("@")[0], role: "patient" });
      localStorage.setItem("user", JSON.stringify(data.user));
    } else {
      const { data, error } = await supabase.auth.signInWithPassword({ email, password });
      if (error) {
        setLoading(false);
        return toast.error(error.message);
      }
      localStorage.setItem("user", JSON.stringify(data.user));
    }

    // admin check
    const isAdmin = email === "admin@clinic.com" || email.endsWith("@careslot.in");
    localStorage.setItem("isAdmin", String(isAdmin));

    toast.success(mode === "signup" ? "Account created!" : "Welcome back!");
    setLoading(false);
    navigate(isAdmin ? "/admin" : "/appointments");
    window.location.reload();
  };

  return (
    <div className="mx-auto mt-12 max-w-md rounded-3xl border bg-white p-8 shadow-xl">
      <h1 className="mb-1 text-3xl font-bold">{mode === "signup" ? "Create your account" : "Welcome back"}</h1>
      <p className="mb-6 text-sm text-slate-500">Book and manage your visits to CareSlot Clinic.</p>
      <form onSubmit={handleSubmit} className="space-y-4">
        <div className="relative">
          <Mail className="absolute left-3 top-3 h-4 w-4 text-slate-400" />
          <input
            className="w-full rounded-xl border py-2 pl-9 pr-3"
            placeholder="Email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="relative">
          <Lock className="absolute left-3 top-3 h-4 w-4 text-slate-400" />
          <input
            className="w-full rounded-xl border py-2 pl-9 pr-3"
            type="password"
            placeholder="Password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button className="btn-primary flex w-full items-center justify-center gap-2" disabled={loading}>
          {loading && <Loader2 className="h-4 w-4 animate-spin" />}
          {mode === "signup" ? "Sign up" : "Sign in"}
        </button>
      </form>
      <button className="mt-4 text-sm text-teal-700" onClick={() => setMode(mode === "signup" ? "signin" : "signup")}>
        {mode === "signup" ? "Have an account? Sign in" : "New patient? Create an account"}
      </button>
    </div>
  );
}
