import { useState } from "react";
import { askVet } from "@/lib/ai";

export default function Assistant() {
  const [q, setQ] = useState("");
  const [a, setA] = useState("");
  return (
    <div>
      <textarea value={q} onChange={(e) => setQ(e.target.value)} />
      <button onClick={async () => setA((await askVet(q)) ?? "")}>Ask the AI vet</button>
      <p>{a}</p>
    </div>
  );
}
