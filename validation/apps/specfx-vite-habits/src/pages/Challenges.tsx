import { useEffect, useState } from 'react';
import { getChallenges, type Challenge } from '../services/challenges';

export default function Challenges() {
  const [challenges, setChallenges] = useState<Challenge[]>([]);

  useEffect(() => {
    getChallenges().then(setChallenges);
  }, []);

  return (
    <ul className="space-y-3">
      {challenges.map((c) => (
        <li key={c.id} className="rounded border p-3">
          <h3 className="font-semibold">{c.title}</h3>
          <p className="text-sm">{c.description}</p>
          <p className="text-xs text-slate-500">{c.startDate} – {c.endDate} · {c.participants} joined</p>
        </li>
      ))}
    </ul>
  );
}
