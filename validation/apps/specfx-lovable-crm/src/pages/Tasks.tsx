import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

type Task = { id: string; title: string; assignee: string; done: boolean; createdAt: string };

const STORAGE_KEY = 'crm_tasks';

export default function Tasks() {
  const [tasks, setTasks] = useState<Task[]>(() => JSON.parse(localStorage.getItem(STORAGE_KEY) || '[]'));
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');

  const handleAddTask = () => {
    if (!title.trim()) return;
    const task: Task = { id: crypto.randomUUID(), title, assignee, done: false, createdAt: new Date().toISOString() };
    const next = [task, ...tasks];
    setTasks(next);
    localStorage.setItem('crm_tasks', JSON.stringify(next));
    setTitle('');
    toast.success('Task added');
  };

  const toggleTask = (id: string) => {
    const next = tasks.map((t) => (t.id === id ? { ...t, done: !t.done } : t));
    setTasks(next);
    localStorage.setItem('crm_tasks', JSON.stringify(next));
  };

  const deleteTask = (id: string) => {
    const next = tasks.filter((t) => t.id !== id);
    setTasks(next);
    localStorage.setItem('crm_tasks', JSON.stringify(next));
  };

  return (
    <div className="p-8">
      <h1 className="text-2xl font-semibold">Team tasks</h1>
      <div className="mt-6 flex gap-2">
        <Input placeholder="Follow up with…" value={title} onChange={(e) => setTitle(e.target.value)} />
        <Input placeholder="Assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} className="w-40" />
        {/* expect: G1.D1 */}
        <Button onClick={handleAddTask}>Add task</Button>
      </div>
      <ul className="mt-6 space-y-2">
        {tasks.map((t) => (
          <li key={t.id} className="flex items-center gap-3 rounded-md border p-3">
            <input type="checkbox" checked={t.done} onChange={() => toggleTask(t.id)} />
            <span className={t.done ? 'line-through text-slate-400' : ''}>{t.title}</span>
            <span className="ml-auto text-xs text-slate-500">{t.assignee}</span>
            {/* expect: G1.D1 */}
            <button onClick={() => deleteTask(t.id)} className="text-xs text-red-600">Delete</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
