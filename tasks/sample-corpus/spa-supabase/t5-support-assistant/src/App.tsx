import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Routes, Route, Link } from "react-router-dom";
import { Toaster } from "sonner";
import { Inbox as InboxIcon, Settings as SettingsIcon, Sparkles } from "lucide-react";
import Login from "./pages/Login";
import Inbox from "./pages/Inbox";
import TicketDetail from "./pages/TicketDetail";
import Settings from "./pages/Settings";

const queryClient = new QueryClient();

export default function App() {
  const isAdmin = localStorage.getItem("isAdmin") === "true";

  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Toaster />
        <div className="flex min-h-screen">
          <aside className="w-56 border-r bg-white p-4">
            <div className="mb-8 flex items-center gap-2 font-semibold text-violet-700">
              <Sparkles className="h-5 w-5" /> HelpPilot
            </div>
            <nav className="space-y-2 text-sm">
              <Link to="/" className="flex items-center gap-2"><InboxIcon className="h-4 w-4" /> Inbox</Link>
              {isAdmin && <Link to="/settings" className="flex items-center gap-2"><SettingsIcon className="h-4 w-4" /> Settings</Link>}
            </nav>
          </aside>
          <main className="flex-1 p-6">
            <Routes>
              <Route path="/" element={<Inbox />} />
              <Route path="/login" element={<Login />} />
              <Route path="/tickets/:id" element={<TicketDetail />} />
              <Route path="/settings" element={<Settings />} />
            </Routes>
          </main>
        </div>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
