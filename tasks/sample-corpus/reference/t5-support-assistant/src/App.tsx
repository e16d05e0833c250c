import { Component, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Link, Navigate, Route, Routes } from "react-router-dom";
import type { Session } from "@supabase/supabase-js";
import { supabase, type Role } from "./lib/supabase";
import Inbox from "./pages/Inbox";
import Ticket from "./pages/Ticket";
import Admin from "./pages/Admin";

class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <div role="alert" className="card">
          <h1>Something went wrong</h1>
          <p>Your drafts are saved on the server. Reload the page to carry on.</p>
          <button type="button" onClick={() => window.location.reload()}>Reload</button>
        </div>
      );
    }
    return this.props.children;
  }
}

function SignIn() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError("");
    const { error: signInError } = await supabase.auth.signInWithPassword({ email, password });
    setBusy(false);
    if (signInError) setError(signInError.status === 429 ? "Too many attempts. Please wait a few minutes." : "Email or password is incorrect.");
  }

  return (
    <main>
      <form className="card" onSubmit={submit} aria-labelledby="signin-title" style={{ maxWidth: "24rem", margin: "4rem auto" }}>
        <h1 id="signin-title">Nestware Support</h1>
        <label htmlFor="email">Work email</label>
        <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

export default function App() {
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

  if (loading) return <p role="status">Loading…</p>;
  if (!session) return <SignIn />;

  // Display only: every permission is enforced by RLS, the assistant function and the server.
  const role = session.user.app_metadata?.role as Role | undefined;
  if (role !== "agent" && role !== "admin") {
    return <p role="alert" className="card">Your account has no access to the support inbox. Ask an admin for an invitation.</p>;
  }

  return (
    <ErrorBoundary>
      <div className="layout">
        <nav aria-label="Main">
          <strong>Nestware Support</strong>
          <Link to="/">Inbox</Link>
          {role === "admin" && <Link to="/admin">Team &amp; AI settings</Link>}
          <button type="button" onClick={() => supabase.auth.signOut()}>Sign out</button>
        </nav>
        <main>
          <Routes>
            <Route path="/" element={<Inbox userId={session.user.id} />} />
            <Route path="/tickets/:id" element={<Ticket />} />
            <Route path="/admin" element={role === "admin" ? <Admin selfId={session.user.id} /> : <Navigate to="/" replace />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </main>
      </div>
    </ErrorBoundary>
  );
}
