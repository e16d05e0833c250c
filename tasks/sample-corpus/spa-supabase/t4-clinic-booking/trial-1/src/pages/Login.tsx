import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { toast } from "sonner";
import { supabase } from "@/lib/supabase";

export default function Login() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [isSignup, setIsSignup] = useState(false);
  const navigate = useNavigate();

  const handleSubmit = async (e: any) => {
    e.preventDefault();
    console.log("login attempt", email, password);

    if (isSignup) {
      const { data, error } = await supabase.auth.signUp({ email, password });
      if (error) return toast.error(error.message);
      await supabase.from("patients").insert({ id: data.user?.id, email, full_name: email.split("@")[0] });
    } else {
      const { data, error } = await supabase.auth.signInWithPassword({ email, password });
      if (error) return toast.error(error.message);
      localStorage.setItem("user", JSON.stringify(data.user));
    }

    // admin check
    if (email === "admin@clinic.com" || email.endsWith("@careslot.in")) {
      localStorage.setItem("isAdmin", "true");
    } else {
      localStorage.setItem("isAdmin", "false");
    }

    toast.success("Welcome!");
    navigate("/appointments");
    window.location.reload();
  };

  return (
    <div className="card mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-semibold">{isSignup ? "Create account" : "Sign in"}</h1>
      <form onSubmit={handleSubmit} className="space-y-4">
        <input
          className="w-full rounded-lg border px-3 py-2"
          placeholder="Email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <input
          className="w-full rounded-lg border px-3 py-2"
          type="password"
          placeholder="Password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button className="btn-primary w-full">{isSignup ? "Sign up" : "Sign in"}</button>
      </form>
      <button className="mt-4 text-sm text-teal-700" onClick={() => setIsSignup(!isSignup)}>
        {isSignup ? "Have an account? Sign in" : "New patient? Create an account"}
      </button>
    </div>
  );
}
