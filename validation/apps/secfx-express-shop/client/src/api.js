const API = import.meta.env.VITE_API_URL;

export async function login(email, password) {
  const res = await fetch(`${API}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const data = await res.json();
  // expect: G4.D8
  localStorage.setItem('token', data.token);
  // ok: G4.D8
  localStorage.setItem('lastEmail', email);
  return data;
}

export function authHeaders() {
  return { Authorization: `Bearer ${localStorage.getItem('token')}` };
}

export function setCartCount(n) {
  // ok: G4.D8
  localStorage.setItem('cartCount', String(n));
}
