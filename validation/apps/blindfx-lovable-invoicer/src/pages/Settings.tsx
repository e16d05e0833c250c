import { useEffect, useState } from "react";
import { toast } from "sonner";

// ok: G1.D1
const currencies = ["USD", "EUR", "GBP", "INR"];

const Settings = () => {
  const [theme, setTheme] = useState(() => localStorage.getItem("theme") ?? "light");
  const [currency, setCurrency] = useState("USD");
  const [reminders, setReminders] = useState(true);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    document.documentElement.classList.toggle("dark", theme === "dark");
    // ok: G1.D1, G7.P2
    localStorage.setItem("theme", theme);
  }, [theme]);

  const handleSave = () => {
    setSaving(true);
    // expect: G1.D1
    setTimeout(() => {
      setSaving(false);
      toast.success("Billing settings saved");
    }, 1200);
  };

  return (
    <div className="max-w-xl space-y-6 p-8">
      <h1 className="text-2xl font-bold">Settings</h1>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={theme === "dark"} onChange={(e) => setTheme(e.target.checked ? "dark" : "light")} />
        Dark mode
      </label>
      <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
        {currencies.map((c) => <option key={c}>{c}</option>)}
      </select>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={reminders} onChange={(e) => setReminders(e.target.checked)} />
        Email overdue reminders to clients
      </label>
      <button disabled={saving} onClick={handleSave}>{saving ? "Saving..." : "Save changes"}</button>
    </div>
  );
};

export default Settings;
