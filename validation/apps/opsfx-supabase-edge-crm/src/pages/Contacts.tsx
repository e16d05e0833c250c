import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cachedContacts, createContact, fetchContacts, scheduleFollowUp } from '../lib/contacts';

export default function Contacts() {
  const qc = useQueryClient();
  const [view, setView] = useState<'table' | 'cards'>(() => (localStorage.getItem('crm.contacts.view') as 'table' | 'cards') ?? 'table');
  const { data: contacts = cachedContacts() } = useQuery({ queryKey: ['contacts'], queryFn: fetchContacts });
  const add = useMutation({ mutationFn: createContact, onSuccess: () => qc.invalidateQueries({ queryKey: ['contacts'] }) });
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');

  const switchView = (v: 'table' | 'cards') => {
    setView(v);
    // ok: G7.P2
    localStorage.setItem('crm.contacts.view', v);
  };

  return (
    <main>
      <h1>Contacts</h1>
      <div>
        <button onClick={() => switchView('table')}>Table</button>
        <button onClick={() => switchView('cards')}>Cards</button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ full_name: fullName, email, company: null, stage: 'lead' });
          setFullName('');
          setEmail('');
        }}
      >
        <input value={fullName} onChange={(e) => setFullName(e.target.value)} placeholder="Full name" required />
        <input value={email} onChange={(e) => setEmail(e.target.value)} placeholder="Email" type="email" required />
        <button type="submit">Add contact</button>
      </form>
      <ul className={view}>
        {contacts.map((c) => (
          <li key={c.id}>
            {c.full_name} · {c.email} · {c.stage}
            <button onClick={() => scheduleFollowUp(c.id, new Date(Date.now() + 86400000).toISOString())}>Follow up tomorrow</button>
          </li>
        ))}
      </ul>
    </main>
  );
}
