import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiRequest, queryClient } from "../lib/queryClient";
import type { Member } from "@shared/schema";

export default function Members() {
  const { data: members = [] } = useQuery<Member[]>({ queryKey: ["/api/members"] });
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const create = useMutation({
    mutationFn: () => apiRequest("POST", "/api/members", { name, email, plan: "basic" }),
    onSuccess: () => {
      setName("");
      setEmail("");
      queryClient.invalidateQueries({ queryKey: ["/api/members"] });
    },
  });

  return (
    <main className="p-6">
      <h1 className="text-2xl font-bold">Members</h1>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }} className="flex gap-2">
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" required />
        <input value={email} onChange={(e) => setEmail(e.target.value)} placeholder="Email" type="email" required />
        <button type="submit">Add member</button>
      </form>
      <ul>{members.map((m) => <li key={m.id}>{m.name} · {m.email} · {m.plan}</li>)}</ul>
    </main>
  );
}
