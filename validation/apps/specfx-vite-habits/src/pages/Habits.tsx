import { useEffect, useState } from 'react';
import { supabase } from '../lib/supabase';
import HabitCard from '../components/HabitCard';

export type Habit = { id: string; name: string; streak: number; done_today: boolean };

export default function Habits() {
  const [habits, setHabits] = useState<Habit[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function load() {
    const { data, error } = await supabase.from('habits_with_streaks').select('*').order('name');
    if (error) setError(error.message);
    else setHabits(data ?? []);
  }

  useEffect(() => {
    load();
  }, []);

  const handleCreateHabit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { error } = await supabase.from('habits').insert({ name });
    if (error) return setError(error.message);
    setName('');
    load();
  };

  const checkIn = async (habitId: string) => {
    await supabase.from('check_ins').insert({ habit_id: habitId });
    load();
  };

  return (
    <section>
      {/* ok: G1.D1 */}
      <form onSubmit={handleCreateHabit} className="flex gap-2">
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="New habit" className="flex-1 rounded border p-2" />
        <button className="rounded bg-emerald-600 px-3 text-white">Add</button>
      </form>
      {error && <p className="text-red-600">{error}</p>}
      <ul className="mt-4 space-y-2">
        {/* ok: G1.D1 */}
        {habits.map((h) => (
          <HabitCard key={h.id} habit={h} onCheckIn={() => checkIn(h.id)} />
        ))}
      </ul>
    </section>
  );
}
