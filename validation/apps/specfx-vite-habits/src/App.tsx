import { useState } from 'react';
import Habits from './pages/Habits';
import Challenges from './pages/Challenges';
import ProfileCard from './components/ProfileCard';

export default function App() {
  const [tab, setTab] = useState<'habits' | 'challenges'>('habits');
  return (
    <div className="mx-auto max-w-2xl p-4">
      <ProfileCard />
      <nav className="my-4 flex gap-4">
        <button onClick={() => setTab('habits')}>Habits</button>
        <button onClick={() => setTab('challenges')}>Challenges</button>
      </nav>
      {tab === 'habits' ? <Habits /> : <Challenges />}
    </div>
  );
}
