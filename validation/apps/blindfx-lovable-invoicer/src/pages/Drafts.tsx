import { useEffect, useState } from "react";

type Draft = { id: string; client: string; amount: number; lines: string[] };

const Drafts = () => {
  const [drafts, setDrafts] = useState<Draft[]>(() => JSON.parse(localStorage.getItem("invoice-drafts") || "[]"));

  useEffect(() => {
    // expect: G7.P2
    localStorage.setItem("invoice-drafts", JSON.stringify(drafts));
  }, [drafts]);

  const addDraft = () => setDrafts([...drafts, { id: crypto.randomUUID(), client: "", amount: 0, lines: [] }]);
  const removeDraft = (id: string) => setDrafts(drafts.filter((d) => d.id !== id));

  return (
    <div className="p-8">
      <h1 className="text-2xl font-bold">Draft invoices</h1>
      {/* expect: G1.D1 */}
      <button onClick={addDraft}>New draft</button>
      <ul>
        {drafts.map((d) => (
          <li key={d.id}>{d.client || "Untitled"} — ${d.amount} <button onClick={() => removeDraft(d.id)}>Delete</button></li>
        ))}
      </ul>
    </div>
  );
};

export default Drafts;
