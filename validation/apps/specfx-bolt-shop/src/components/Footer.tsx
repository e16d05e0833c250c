import { useState } from 'react';

export default function Footer() {
  const [email, setEmail] = useState('');

  return (
    <footer className="mt-24 border-t bg-stone-100 py-12">
      <div className="mx-auto grid max-w-6xl gap-8 px-6 md:grid-cols-3">
        <div>
          <h3 className="font-serif text-lg">Kiln &amp; Clay Studio</h3>
          <p className="text-sm text-stone-600">Hand-thrown ceramics from a small studio.</p>
        </div>
        <div className="text-sm text-stone-600">
          {/* expect: G1.D2 */}
          <p>Email: hello@example.com</p>
          <p>Phone: (555) 214-8890</p>
        </div>
        <form className="flex gap-2">
          {/* ok: G1.D2 */}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="you@example.com" className="flex-1 rounded border px-3 py-2" />
          <button className="rounded bg-stone-900 px-4 text-white">Subscribe</button>
        </form>
      </div>
    </footer>
  );
}
