import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Star } from 'lucide-react';
import { getProduct, getReviews } from '../lib/api';
import type { Product, Review } from '../data/mockData';

type CartLine = { productId: string; name: string; price: number; qty: number };

export default function ProductPage() {
  const { id = '' } = useParams();
  const [product, setProduct] = useState<Product>();
  const [reviews, setReviews] = useState<Review[]>([]);
  const [added, setAdded] = useState(false);

  useEffect(() => {
    getProduct(id).then(setProduct);
    getReviews(id).then(setReviews);
  }, [id]);

  const handleAddToCart = () => {
    if (!product) return;
    const cart: CartLine[] = JSON.parse(localStorage.getItem('cart') || '[]');
    const line = cart.find((l) => l.productId === product.id);
    if (line) line.qty += 1;
    else cart.push({ productId: product.id, name: product.name, price: product.price, qty: 1 });
    localStorage.setItem('cart', JSON.stringify(cart));
    setAdded(true);
  };

  if (!product) return <p className="p-12 text-stone-500">Loading…</p>;

  return (
    <main className="mx-auto grid max-w-5xl gap-12 px-6 py-12 md:grid-cols-2">
      <img src={product.image} alt={product.name} className="rounded-xl" />
      <section>
        <h1 className="font-serif text-3xl">{product.name}</h1>
        <p className="mt-2 text-xl">${product.price}</p>
        <p className="mt-6 text-stone-600">{product.description}</p>
        {/* ok: G1.D1 */}
        <button onClick={handleAddToCart} className="mt-8 rounded bg-stone-900 px-6 py-3 text-white">
          {added ? 'Added to cart' : 'Add to cart'}
        </button>
        <h2 className="mt-12 font-serif text-xl">About the maker</h2>
        {/* expect: G1.D2 */}
        <p className="mt-2 text-stone-600">Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>
        <h2 className="mt-12 font-serif text-xl">Reviews</h2>
        <ul className="mt-4 space-y-4">
          {reviews.map((r) => (
            <li key={r.id} className="rounded-lg border p-4">
              <div className="flex items-center gap-1">
                {Array.from({ length: r.rating }).map((_, i) => <Star key={i} className="h-4 w-4 fill-amber-400 text-amber-400" />)}
              </div>
              <p className="mt-2">{r.body}</p>
              <p className="mt-1 text-xs text-stone-500">{r.author} · {r.date}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
