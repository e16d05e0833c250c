import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';

type Preferences = { density: 'comfortable' | 'compact'; currency: string };

export default function Settings() {
  const saved = JSON.parse(localStorage.getItem('crm_preferences') || 'null') as Preferences | null;
  const [density, setDensity] = useState<Preferences['density']>(saved?.density ?? 'comfortable');
  const [currency, setCurrency] = useState(saved?.currency ?? 'USD');

  const handleSavePreferences = () => {
    localStorage.setItem('crm_preferences', JSON.stringify({ density, currency }));
    toast.success('Preferences saved');
  };

  return (
    <div className="p-8 max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Display preferences</h1>
      <label className="block text-sm">
        Table density
        <select value={density} onChange={(e) => setDensity(e.target.value as Preferences['density'])} className="mt-1 block w-full rounded-md border p-2">
          <option value="comfortable">Comfortable</option>
          <option value="compact">Compact</option>
        </select>
      </label>
      <label className="block text-sm">
        Currency
        <select value={currency} onChange={(e) => setCurrency(e.target.value)} className="mt-1 block w-full rounded-md border p-2">
          <option>USD</option>
          <option>EUR</option>
          <option>GBP</option>
        </select>
      </label>
      {/* ok: G1.D1 */}
      <Button onClick={handleSavePreferences}>Save preferences</Button>
    </div>
  );
}
