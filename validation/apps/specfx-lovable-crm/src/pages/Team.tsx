import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export default function Team() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const [inviting, setInviting] = useState(false);
  const [copied, setCopied] = useState(false);

  const handleInvite = () => {
    if (!email.includes('@')) {
      toast.error('Enter a valid email address');
      return;
    }
    setInviting(true);
    // expect: G1.D1
    setTimeout(() => {
      setInviting(false);
      toast.success(`Invitation sent to ${email} as ${role}`);
      setEmail('');
    }, 1200);
  };

  const handleCopyInviteLink = async () => {
    await navigator.clipboard.writeText(`${window.location.origin}/join`);
    setCopied(true);
    // ok: G1.D1
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <div className="p-8 max-w-xl">
      <h1 className="text-2xl font-semibold">Invite teammates</h1>
      <div className="mt-6 flex gap-2">
        <Input type="email" placeholder="teammate@agency.com" value={email} onChange={(e) => setEmail(e.target.value)} />
        <select value={role} onChange={(e) => setRole(e.target.value)} className="rounded-md border px-2 text-sm">
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </select>
        <Button onClick={handleInvite} disabled={inviting}>{inviting ? 'Sending…' : 'Send invite'}</Button>
      </div>
      <Button onClick={handleCopyInviteLink} className="mt-4 bg-white text-slate-900 border">
        {copied ? 'Copied!' : 'Copy invite link'}
      </Button>
    </div>
  );
}
