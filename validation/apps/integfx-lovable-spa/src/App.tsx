import { BrowserRouter, Routes, Route } from "react-router-dom";
import { Toaster } from "sonner";
import Auth from "./pages/Auth";
import Checkout from "./pages/Checkout";
import Dashboard from "./pages/Dashboard";
import PetRecords from "./pages/PetRecords";
import Assistant from "./pages/Assistant";

export default function App() {
  return (
    <BrowserRouter>
      <Toaster />
      <Routes>
        <Route path="/" element={<Dashboard />} />
        <Route path="/auth" element={<Auth />} />
        <Route path="/checkout/:id" element={<Checkout />} />
        <Route path="/records" element={<PetRecords />} />
        <Route path="/assistant" element={<Assistant />} />
      </Routes>
    </BrowserRouter>
  );
}
