import { useQuery } from '@tanstack/react-query';
import { supabase } from '../lib/supabase';

export default function Deals() {
  const { data: deals = [] } = useQuery({
    queryKey: ['deals'],
    queryFn: async () => {
      const { data, error } = await supabase.from('deals').select('id, title, amount, contacts(full_name)').order('created_at', { ascending: false });
      if (error) throw error;
      return data;
    },
  });
  return (
    <main>
      <h1>Deals</h1>
      <ul>{deals.map((d: any) => <li key={d.id}>{d.title} — ${d.amount}</li>)}</ul>
    </main>
  );
}
