import { useEffect, useState } from 'react';
import { Navigate } from 'react-router-dom';
import { supabase } from '@/integrations/supabase/client';

export default function Admin() {
  const [posts, setPosts] = useState<any[]>([]);
  // expect: G4.D2
  const isAdmin = localStorage.getItem('isAdmin') === 'true';
  // ok: G4.D2
  const compact = localStorage.getItem('adminTableDensity') === 'compact';

  useEffect(() => {
    supabase.from('posts').select('*').then(({ data }) => setPosts(data ?? []));
  }, []);

  if (!isAdmin) return <Navigate to="/" />;
  return (
    <table className={compact ? 'text-sm' : ''}>
      <tbody>
        {posts.map((p) => (
          <tr key={p.id}>
            <td>{p.title}</td>
            <td><button onClick={() => supabase.from('posts').delete().eq('id', p.id)}>Delete</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
