import { NavLink } from "react-router-dom";
import { LayoutDashboard, Truck, Users, Route, HelpCircle } from "lucide-react";

// ok: G1.D1, G1.D2
const navLinks = [
  { to: "/", label: "Dashboard", icon: LayoutDashboard },
  { to: "/vehicles", label: "Vehicles", icon: Truck },
  { to: "/drivers", label: "Drivers", icon: Users },
  { to: "/trips", label: "Trips", icon: Route },
  { to: "/help", label: "Help", icon: HelpCircle },
];

export function Sidebar() {
  return (
    <aside className="w-60 border-r bg-slate-50 p-4">
      {/* ok: G1.D1 */}
      {navLinks.map(({ to, label, icon: Icon }) => (
        <NavLink key={to} to={to} className="flex items-center gap-2 rounded px-3 py-2 hover:bg-slate-100">
          <Icon className="h-4 w-4" /> {label}
        </NavLink>
      ))}
    </aside>
  );
}
