import { Link } from "react-router-dom";
import { Stethoscope, LogOut } from "lucide-react";

export default function Navbar() {
  const isAdmin = localStorage.getItem("isAdmin") === "true";
  const user = JSON.parse(localStorage.getItem("user") || "null");

  const logout = () => {
    localStorage.clear();
    window.location.href = "/";
  };

  return (
    <nav className="border-b bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
        <Link to="/" className="flex items-center gap-2 font-semibold text-teal-700">
          <Stethoscope className="h-5 w-5" /> CareSlot
        </Link>
        <div className="flex items-center gap-6 text-sm">
          <Link to="/">Book</Link>
          <Link to="/appointments">My appointments</Link>
          <Link to="/invoices">Invoices</Link>
          {isAdmin && <Link to="/admin">Admin</Link>}
          {user ? (
            <button onClick={logout}>
              <LogOut className="h-4 w-4" />
            </button>
          ) : (
            <Link to="/login" className="btn-primary">Sign in</Link>
          )}
        </div>
      </div>
    </nav>
  );
}
