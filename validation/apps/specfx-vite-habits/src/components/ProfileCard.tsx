import { useEffect, useState } from 'react';
import { supabase } from '../lib/supabase';

type Profile = { id: string; display_name: string; avatar_url: string | null };

export default function ProfileCard() {
  const [profile, setProfile] = useState<Profile | null>(null);

  useEffect(() => {
    supabase.auth.getUser().then(async ({ data }) => {
      if (!data.user) return;
      const { data: p } = await supabase.from('profiles').select('*').eq('id', data.user.id).single();
      setProfile(p);
    });
  }, []);

  if (!profile) return null;

  return (
    <div className="flex items-center gap-3">
      <img
        // expect: G1.D2
        src={profile.avatar_url ?? `https://i.pravatar.cc/80?u=${profile.id}`}
        alt=""
        className="h-10 w-10 rounded-full"
      />
      <span className="font-medium">{profile.display_name}</span>
    </div>
  );
}
