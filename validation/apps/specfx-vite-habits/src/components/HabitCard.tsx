import type { Habit } from '../pages/Habits';

export default function HabitCard({ habit, onCheckIn }: { habit: Habit; onCheckIn: () => void }) {
  return (
    <li className="flex items-center justify-between rounded border p-3">
      <span>{habit.name}</span>
      <span className="text-sm text-slate-500">🔥 {habit.streak}</span>
      <button disabled={habit.done_today} onClick={onCheckIn} className="rounded bg-slate-900 px-3 py-1 text-white disabled:opacity-40">
        {habit.done_today ? 'Done' : 'Check in'}
      </button>
    </li>
  );
}
