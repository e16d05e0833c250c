import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export default function NewDealDialog() {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [customer, setCustomer] = useState('');
  const [amount, setAmount] = useState('');

  const handleSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!title || !customer) {
      toast.error('Please fill in the deal title and customer');
      return;
    }
    toast.success(`Deal "${title}" created!`);
    setTitle('');
    setCustomer('');
    setAmount('');
    setOpen(false);
  };

  if (!open) return <Button onClick={() => setOpen(true)}>New deal</Button>;

  return (
    <div className="fixed inset-0 flex items-center justify-center bg-black/40">
      {/* expect: G1.D1 */}
      <form onSubmit={handleSubmit} className="w-96 space-y-3 rounded-lg bg-white p-6">
        <h2 className="text-lg font-semibold">New deal</h2>
        <Input placeholder="Deal title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <Input placeholder="Customer" value={customer} onChange={(e) => setCustomer(e.target.value)} />
        <Input placeholder="Amount" type="number" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => setOpen(false)} className="bg-white text-slate-900">Cancel</Button>
          <Button type="submit">Create deal</Button>
        </div>
      </form>
    </div>
  );
}
