import { Link } from 'react-router-dom';
import { ShoppingBag } from 'lucide-react';

export default function Header() {
  return (
    <header className="relative">
      <div
        className="h-72 bg-cover bg-center"
        // expect: G1.D2
        style={{ backgroundImage: "url('https://picsum.photos/1600/600?grayscale&blur=2')" }}
      />
      <nav className="absolute inset-x-0 top-0 flex items-center justify-between p-6 text-white">
        <Link to="/" className="font-serif text-2xl">Kiln &amp; Clay</Link>
        <Link to="/checkout" aria-label="Cart"><ShoppingBag /></Link>
      </nav>
    </header>
  );
}
