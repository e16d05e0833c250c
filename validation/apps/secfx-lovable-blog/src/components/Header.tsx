import { Link } from 'react-router-dom';

export function Header() {
  // expect: G4.D2
  const role = localStorage.getItem('role');
  // ok: G4.D2
  const lang = localStorage.getItem('lang') ?? 'en';
  return (
    <header lang={lang}>
      <Link to="/">Inkwell</Link>
      {/* expect: G4.D2 */}
      {role === 'admin' && <Link to="/admin">Dashboard</Link>}
    </header>
  );
}
