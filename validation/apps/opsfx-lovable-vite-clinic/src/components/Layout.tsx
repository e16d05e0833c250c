import { useState } from "react";
import { NavLink, Outlet } from "react-router-dom";
import { CalendarDays, LayoutDashboard, Users, PanelLeftClose } from "lucide-react";
import ThemeToggle from "./ThemeToggle";

export default function Layout() {
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem("sidebar-collapsed") === "true");

  const toggleSidebar = () => {
    const next = !collapsed;
    setCollapsed(next);
    // ok: G7.P2
    localStorage.setItem("sidebar-collapsed", String(next));
  };

  return (
    <div className="flex min-h-screen">
      <aside className={collapsed ? "w-16 border-r" : "w-60 border-r"}>
        <button onClick={toggleSidebar} className="p-3"><PanelLeftClose className="h-4 w-4" /></button>
        <nav className="flex flex-col gap-1 p-2">
          <NavLink to="/"><LayoutDashboard className="h-4 w-4" />{!collapsed && " Dashboard"}</NavLink>
          <NavLink to="/appointments"><CalendarDays className="h-4 w-4" />{!collapsed && " Appointments"}</NavLink>
          <NavLink to="/patients"><Users className="h-4 w-4" />{!collapsed && " Patients"}</NavLink>
        </nav>
      </aside>
      <main className="flex-1 p-6">
        <div className="flex justify-end"><ThemeToggle /></div>
        <Outlet />
      </main>
    </div>
  );
}
