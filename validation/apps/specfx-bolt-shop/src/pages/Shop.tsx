import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getProducts } from '../lib/api';
import type { Product } from '../data/mockData';

const categories = ['all', 'mugs', 'bowls', 'vases', 'planters'];

export default function Shop() {
  const [products, setProducts] = useState<Product[]>([]);
  const [category, setCategory] = useState('all');
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    getProducts(category === 'all' ? undefined : category).then((items) => {
      setProducts(items);
      setLoading(false);
    });
  }, [category]);

  return (
    <main className="mx-auto max-w-6xl px-6 py-12">
      <div className="flex gap-3">
        {categories.map((c) => (
          <button key={c} onClick={() => setCategory(c)} className={c === category ? 'font-semibold underline' : ''}>{c}</button>
        ))}
      </div>
      {loading ? (
        <p className="mt-10 text-stone-500">Loading collection…</p>
      ) : (
        <div className="mt-8 grid grid-cols-2 gap-8 md:grid-cols-4">
          {products.map((p) => (
            <Link key={p.id} to={`/product/${p.id}`} className="group">
              <img src={p.image} alt={p.name} className="aspect-square w-full rounded-lg object-cover" />
              <h3 className="mt-3 font-medium">{p.name}</h3>
              <p className="text-stone-600">${p.price}</p>
            </Link>
          ))}
        </div>
      )}
    </main>
  );
}
