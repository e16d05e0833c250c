import { useEffect, useState } from "react";
import { api, type Task } from "./lib/api";
import { dueLabel, sortTasks } from "./lib/format";
import { TaskForm } from "./components/TaskForm";

export default function App() {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .list()
      .then(setTasks)
      .catch((e: Error) => setError(e.message));
  }, []);

  async function toggle(task: Task) {
    try {
      const updated = await api.toggle(task.id, !task.done);
      setTasks((all) => all.map((t) => (t.id === task.id ? updated : t)));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  // Each todo item shows its due date; finished items sink to the bottom of the list.
  return (
    <main>
      <h1>Team todo list</h1>
      {error && <p role="alert">{error}</p>}
      <TaskForm onCreated={(t) => setTasks((all) => [...all, t])} onError={setError} />
      <ul>
        {sortTasks(tasks).map((t) => (
          <li key={t.id}>
            <label>
              <input type="checkbox" checked={t.done} onChange={() => toggle(t)} /> {t.title}
            </label>{" "}
            <small>{dueLabel(t.dueOn)}</small>
          </li>
        ))}
      </ul>
    </main>
  );
}
