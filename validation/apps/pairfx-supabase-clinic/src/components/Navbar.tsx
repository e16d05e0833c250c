import { Link, useNavigate } from "react-router-dom";
import { supabase } from "@/integrations/supabase/client";

const Navbar = () => {
  const navigate = useNavigate();

  const signOut = async () => {
    await supabase.auth.signOut();
    navigate("/auth");
  };

  return (
    <header className="border-b bg-white">
      <nav className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
        <Link to="/" className="text-lg font-semibold text-blue-600">
          CareSlot
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <Link to="/appointments" className="text-slate-600 hover:text-blue-600">
            My appointments
          </Link>
          <button onClick={signOut} className="rounded-md bg-blue-600 px-3 py-1.5 text-white hover:bg-blue-700">
            Sign out
          </button>
        </div>
      </nav>
    </header>
  );
};

export default Navbar;
