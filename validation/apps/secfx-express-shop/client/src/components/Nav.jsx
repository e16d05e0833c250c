import { useEffect, useState } from 'react';
import { authHeaders } from '../api';

export default function Nav() {
  const [me, setMe] = useState(null);
  // expect: G4.D2
  const loggedIn = localStorage.getItem('isLoggedIn') === 'true';
  // ok: G4.D2
  const currency = localStorage.getItem('currency') || 'USD';

  useEffect(() => {
    fetch('/api/auth/me', { headers: authHeaders() }).then((r) => r.json()).then(setMe);
  }, []);

  return (
    <nav>
      <a href="/">Shop</a>
      <span>{currency}</span>
      {loggedIn ? <a href="/account">Account</a> : <a href="/login">Sign in</a>}
      {/* ok: G4.D2 */}
      {me?.role === 'admin' && <a href="/admin">Admin</a>}
    </nav>
  );
}
