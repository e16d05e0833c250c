import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { supabase } from '@/integrations/supabase/client';

export default function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const navigate = useNavigate();

  const handleSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { data, error } = await supabase.auth.signInWithPassword({ email, password });
    if (error) return alert(error.message);
    const { data: profile } = await supabase.from('profiles').select('role').eq('id', data.user.id).single();
    localStorage.setItem('isAdmin', profile?.role === 'admin' ? 'true' : 'false');
    // expect: G4.D8
    localStorage.setItem('access_token', data.session.access_token);
    // ok: G4.D8
    localStorage.setItem('theme', 'dark');
    navigate('/');
  };

  return (
    <form onSubmit={handleSubmit}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit">Sign in</button>
    </form>
  );
}
