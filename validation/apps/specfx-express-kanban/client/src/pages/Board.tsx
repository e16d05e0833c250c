import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { COLUMNS } from '../constants';

type Card = { id: number; column_id: string; title: string; assignee_email: string | null };

export default function Board({ boardId }: { boardId: string }) {
  const [cards, setCards] = useState<Card[]>([]);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.get<Card[]>(`/boards/${boardId}/cards`).then(setCards).catch((e) => setError(e.message));
  }, [boardId]);

  const handleCreateCard = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const card = await api.post<Card>(`/boards/${boardId}/cards`, { title, columnId: 'todo', assigneeEmail: assignee || undefined });
      setCards((prev) => [...prev, card]);
      setTitle('');
      setAssignee('');
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <main className="p-4">
      {/* ok: G1.D1 */}
      <form onSubmit={handleCreateCard} className="flex gap-2">
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Card title" className="rounded border p-2" />
        <input value={assignee} onChange={(e) => setAssignee(e.target.value)} placeholder="Assignee email" className="rounded border p-2" />
        <button className="rounded bg-blue-600 px-3 text-white">Add card</button>
      </form>
      {error && <p className="text-red-600">{error}</p>}
      <div className="mt-4 grid grid-cols-3 gap-4">
        {COLUMNS.map((col) => (
          <section key={col.id} className={`rounded border-t-4 bg-slate-50 p-3 ${col.accent}`}>
            <h2 className="font-semibold">{col.title}</h2>
            {cards.filter((c) => c.column_id === col.id).map((c) => (
              <article key={c.id} className="mt-2 rounded bg-white p-2 shadow-sm">
                <p>{c.title}</p>
                {c.assignee_email && <p className="text-xs text-slate-500">{c.assignee_email}</p>}
              </article>
            ))}
          </section>
        ))}
      </div>
    </main>
  );
}
