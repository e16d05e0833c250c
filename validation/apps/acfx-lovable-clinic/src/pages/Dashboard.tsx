import { useQuery } from '@tanstack/react-query';
import { supabase } from '@/integrations/supabase/client';

export default function Dashboard() {
  const { data: appointments } = useQuery({
    queryKey: ['appointments'],
    queryFn: async () => {
      const { data, error } = await supabase.from('appointments').select('*, services(name)').order('starts_at');
      if (error) throw error;
      return data;
    },
  });
  const { data: records } = useQuery({
    queryKey: ['records'],
    queryFn: async () => (await supabase.from('medical_records').select('*')).data,
  });
  const { data: inbox } = useQuery({
    queryKey: ['messages'],
    queryFn: async () => (await supabase.from('messages').select('*').order('id')).data,
  });
  return <div>{appointments?.length} appointments, {records?.length} records, {inbox?.length} messages</div>;
}
