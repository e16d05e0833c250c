import { useState } from 'react';
import Board from './pages/Board';
import Reports from './pages/Reports';

export default function App() {
  const [page, setPage] = useState<'board' | 'reports'>('board');
  return (
    <>
      <nav className="flex gap-4 p-4">
        <button onClick={() => setPage('board')}>Board</button>
        <button onClick={() => setPage('reports')}>Reports</button>
      </nav>
      {page === 'board' ? <Board boardId="1" /> : <Reports />}
    </>
  );
}
