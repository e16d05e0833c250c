import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Routes, Route, Navigate } from "react-router-dom";
import { Toaster } from "sonner";
import Navbar from "./components/Navbar";
import Login from "./pages/Login";
import BookAppointment from "./pages/BookAppointment";
import MyAppointments from "./pages/MyAppointments";
import AdminDashboard from "./pages/AdminDashboard";
import Invoices from "./pages/Invoices";

const queryClient = new QueryClient();

const App = () => {
  const isAdmin = localStorage.getItem("isAdmin") === "true";
  const user = localStorage.getItem("user");

  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Navbar />
        <Toaster position="top-right" />
        <main className="mx-auto min-h-screen max-w-6xl px-4 py-10">
          <Routes>
            <Route path="/" element={<BookAppointment />} />
            <Route path="/login" element={<Login />} />
            <Route path="/appointments" element={user ? <MyAppointments /> : <Navigate to="/login" />} />
            <Route path="/invoices" element={<Invoices />} />
            <Route path="/admin" element={isAdmin ? <AdminDashboard /> : <Navigate to="/" />} />
            {/* <Route path="/staff" element={<StaffSchedule />} /> */}
            <Route path="*" element={<Navigate to="/" />} />
          </Routes>
        </main>
      </BrowserRouter>
    </QueryClientProvider>
  );
};

export default App;
