import { useState, type FormEvent } from "react";
import { api, type Task } from "../lib/api";

type Props = { onCreated: (task: Task) => void; onError: (message: string) => void };

export function TaskForm({ onCreated, onError }: Props) {
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      onCreated(await api.create(title.trim(), dueOn || null));
      setTitle("");
      setDueOn("");
    } catch (err) {
      onError((err as Error).message);
    }
  }

  return (
    <form onSubmit={submit}>
      <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="TODO: what needs doing?" required maxLength={200} />
      <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      <button type="submit" disabled={!title.trim()}>Add</button>
    </form>
  );
}
