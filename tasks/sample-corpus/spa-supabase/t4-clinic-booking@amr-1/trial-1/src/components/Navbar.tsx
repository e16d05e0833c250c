import { Link, NavLink } from "react-router-dom";
import { Stethoscope, LogOut, CalendarDays, Receipt, Shield, Bell } from "lucide-react";

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `flex items-center gap-1.5 rounded-full px-3 py-1.5 transition ${isActive ? "bg-teal-50 text-teal-800" : "text-slate-600 hover:text-teal-700"}`;

export default function Navbar() {
  const isAdmin = localStorage.getItem("isAdmin") === "true";
  const user = JSON.parse(localStorage.getItem("user") || "null");

  const logout = () => {
    localStorage.clear();
    window.location.href = "/";
  };

  return (
    <header className="sticky top-0 z-20 border-b bg-white/80 backdrop-blur">
      <nav className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-lg font-bold text-teal-700">
          <Stethoscope className="h-6 w-6" /> CareSlot
        </Link>
        <div className="flex items-center gap-2 text-sm">
          <NavLink to="/" className={linkClass} end>
            <CalendarDays className="h-4 w-4" /> Book
          </NavLink>
          <NavLink to="/appointments" className={linkClass}>
            My appointments
          </NavLink>
          <NavLink to="/invoices" className={linkClass}>
            <Receipt className="h-4 w-4" /> Invoices
          </NavLink>
          {isAdmin && (
            <NavLink to="/admin" className={linkClass}>
              <Shield className="h-4 w-4" /> Admin <Bell className="h-3 w-3" />
            </NavLink>
          )}
          {user ? (
            <button onClick={logout} className="ml-2 rounded-full p-2 hover:bg-slate-100" title="Log out">
              <LogOut className="h-4 w-4" />
            </button>
          ) : (
            <Link to="/login" className="btn-primary ml-2">Sign in</Link>
          )}
        </div>
      </nav>
    </header>
  );
}
