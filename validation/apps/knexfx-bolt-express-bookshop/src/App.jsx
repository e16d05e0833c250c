import { useEffect, useState } from 'react'

export default function App() {
  const [books, setBooks] = useState([])
  const [loading, setLoading] = useState(true)

  useEffect(() => {
    fetch('/api/books?page=1')
      .then((r) => r.json())
      .then((data) => setBooks(data.books ?? []))
      .finally(() => setLoading(false))
  }, [])

  if (loading) return <p>Loading…</p>
  return (
    <main>
      <h1>Bookshop</h1>
      <ul>{books.map((b) => <li key={b.id}>{b.title} — {b.author}</li>)}</ul>
    </main>
  )
}
