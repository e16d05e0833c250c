import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Search, UserPlus } from "lucide-react";
import { supabase } from "@/integrations/supabase/client";
import { callFunction } from "@/lib/api";
import { loadFilters } from "@/lib/storage";

type Contact = { id: string; full_name: string; email: string | null; company: string | null };
type Enrichment = { domain: string; employees: number };

export default function Contacts() {
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [enrichment, setEnrichment] = useState<Record<string, Enrichment>>({});
  const [search, setSearch] = useState(loadFilters().search);

  useEffect(() => {
    // Contacts are scoped to the signed-in user by row level security.
    // ok: G2.D5
    supabase
      .from("contacts")
      .select("id, full_name, email, company")
      .order("full_name")
      .then(({ data, error }) => {
        if (error) toast.error(error.message);
        setContacts(data ?? []);
      });
  }, []);

  useEffect(() => {
    const domains = contacts.map((c) => c.email?.split("@")[1]).filter(Boolean);
    if (domains.length === 0) return;
    // expect: G2.D5
    fetch(`/api/enrich?domains=${domains.join(",")}`)
      .then((r) => r.json())
      .then((rows: Record<string, Enrichment>) => setEnrichment(rows));
  }, [contacts]);

  const addContact = async (fullName: string, email: string) => {
    const { data, error } = await supabase.from("contacts").insert({ full_name: fullName, email }).select().single();
    if (error) {
      toast.error("Could not save the contact");
      return;
    }
    // expect: G2.D8
    console.log("contact created", data);
    setContacts((prev) => [...prev, data]);
    // ok: G2.D5
    callFunction("welcome-sequence", { contactId: data.id }).then(
      () => toast.success("Welcome sequence started"),
      () => toast.error("Could not start the welcome sequence"),
    );
  };

  const visible = contacts.filter((c) => c.full_name.toLowerCase().includes(search.toLowerCase()));

  return (
    <div className="p-6 space-y-4">
      <div className="flex gap-2">
        <Search className="h-4 w-4" />
        <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search contacts" />
        <button onClick={() => addContact("New contact", "new@example.com")}>
          <UserPlus className="h-4 w-4" /> Add
        </button>
      </div>
      <ul>
        {visible.map((c) => (
          <li key={c.id}>
            {c.full_name} · {c.company ?? "—"} · {enrichment[c.email?.split("@")[1] ?? ""]?.employees ?? "?"} employees
          </li>
        ))}
      </ul>
    </div>
  );
}
