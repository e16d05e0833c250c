import { Component, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Link, Navigate, Route, Routes } from "react-router-dom";
import type { Session } from "@supabase/supabase-js";
import { api, friendlyError, supabase } from "./lib/supabase";
import PatientHome from "./pages/PatientHome";
import FrontDesk from "./pages/FrontDesk";

class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <main role="alert" className="page">
          <h1>Something went wrong</h1>
          <p>Please reload the page. If it keeps happening, call the front desk on 020 5555 0100.</p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </main>
      );
    }
    return this.props.children;
  }
}

function useSession() {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    supabase.auth.getSession().then(({ data }) => {
      setSession(data.session);
      setLoading(false);
    });
    const { data } = supabase.auth.onAuthStateChange((_event, next) => setSession(next));
    return () => data.subscription.unsubscribe();
  }, []);

  return { session, loading };
}

function SignIn() {
  const [email, setEmail] = useState("");
  const [state, setState] = useState<"idle" | "sending" | "sent" | "error">("idle");
  const [error, setError] = useState("");

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState("sending");
    try {
      await api("/api/auth/otp", { method: "POST", body: JSON.stringify({ email }) });
      setState("sent");
    } catch (err) {
      setError(friendlyError(err));
      setState("error");
    }
  }

  if (state === "sent") {
    return <p role="status">Check {email} for a sign-in link. It expires in one hour.</p>;
  }

  return (
    <form onSubmit={submit} className="card" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to CareSlot</h1>
      <label htmlFor="email">Email address</label>
      <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" disabled={state === "sending"}>
        {state === "sending" ? "Sending link…" : "Email me a sign-in link"}
      </button>
      {state === "error" && <p role="alert">{error}</p>}
    </form>
  );
}

export default function App() {
  const { session, loading } = useSession();

  if (loading) return <p role="status" className="page">Loading…</p>;

  const role = (session?.user.app_metadata?.role as string | undefined) ?? "patient";
  const isStaff = role === "staff" || role === "admin";

  return (
    <ErrorBoundary>
      <header className="topbar">
        <Link to="/">CareSlot Clinic</Link>
        {session && (
          <button type="button" onClick={() => supabase.auth.signOut()}>
            Sign out
          </button>
        )}
      </header>
      <main className="page">
        {!session ? (
          <SignIn />
        ) : (
          <Routes>
            <Route path="/" element={isStaff ? <FrontDesk /> : <PatientHome userId={session.user.id} />} />
            <Route path="/invoices" element={<PatientHome userId={session.user.id} initialTab="invoices" />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        )}
      </main>
    </ErrorBoundary>
  );
}
