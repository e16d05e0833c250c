import { useEffect, useState } from 'react';

export default function Schedule() {
  const [classes, setClasses] = useState([]);
  useEffect(() => {
    const load = () => fetch('/api/classes').then((r) => r.json()).then(setClasses);
    load();
    // ok: G3.P2
    const id = setInterval(load, 30000);
    return () => clearInterval(id);
  }, []);
  return <ul>{classes.map((c) => <li key={c.id}>{c.name}</li>)}</ul>;
}
