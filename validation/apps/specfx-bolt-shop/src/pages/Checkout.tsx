import { useState } from 'react';

type CartLine = { productId: string; name: string; price: number; qty: number };

export default function Checkout() {
  const [cart] = useState<CartLine[]>(() => JSON.parse(localStorage.getItem('cart') || '[]'));
  const total = cart.reduce((sum, l) => sum + l.price * l.qty, 0);

  return (
    <main className="mx-auto max-w-xl px-6 py-12">
      <h1 className="font-serif text-3xl">Your cart</h1>
      <ul className="mt-6 divide-y">
        {cart.map((l) => (
          <li key={l.productId} className="flex justify-between py-3">
            <span>{l.name} × {l.qty}</span>
            <span>${(l.price * l.qty).toFixed(2)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-right text-lg font-semibold">Total: ${total.toFixed(2)}</p>
      <p className="mt-4 text-sm text-stone-500">Checkout opens soon.</p>
    </main>
  );
}
