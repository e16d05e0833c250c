'use client'

import { useState } from 'react'
import { Trash2 } from 'lucide-react'
import { ExpenseChart } from '@/components/expense-chart'
import { ReceiptThumb } from '@/components/receipt-thumb'
import { UserNav } from '@/components/user-nav'
import { CATEGORIES, formatMoney, type Category } from '@/lib/categories'

type Expense = { id: string; description: string; amount: number; category: Category; date: string; receiptUrl?: string }

export default function BudgetPage() {
  // expect: G1.D1
  const [expenses, setExpenses] = useState<Expense[]>([
    { id: '1', description: 'Groceries', amount: 86.4, category: 'food', date: '2024-11-02' },
    { id: '2', description: 'November rent', amount: 1450, category: 'rent', date: '2024-11-01' },
    { id: '3', description: 'Metro card', amount: 64, category: 'transport', date: '2024-11-03' },
    { id: '4', description: 'Concert tickets', amount: 120, category: 'fun', date: '2024-11-08' },
  ])
  const [description, setDescription] = useState('')
  const [amount, setAmount] = useState('')
  const [category, setCategory] = useState<Category>('food')

  const handleAddExpense = (e: React.FormEvent) => {
    e.preventDefault()
    if (!description || !amount) return
    const newExpense: Expense = {
      id: Date.now().toString(),
      description,
      amount: parseFloat(amount),
      category,
      date: new Date().toISOString().slice(0, 10),
    }
    setExpenses([newExpense, ...expenses])
    setDescription('')
    setAmount('')
  }

  const handleDeleteExpense = (id: string) => {
    setExpenses(expenses.filter((x) => x.id !== id))
  }

  const total = expenses.reduce((sum, x) => sum + x.amount, 0)

  return (
    <main className="mx-auto max-w-4xl space-y-8 p-8">
      <header className="flex items-center justify-between">
        <h1 className="text-3xl font-bold">Budget Buddy</h1>
        <UserNav />
      </header>
      {/* expect: G1.D1 */}
      <form onSubmit={handleAddExpense} className="grid grid-cols-4 gap-3">
        <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Description" className="rounded border p-2" />
        <input value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="Amount" type="number" step="0.01" className="rounded border p-2" />
        <select value={category} onChange={(e) => setCategory(e.target.value as Category)} className="rounded border p-2">
          {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <button className="rounded bg-indigo-600 text-white">Add expense</button>
      </form>
      <section className="rounded-lg border p-4">
        <h2 className="mb-2 font-semibold">This month: {formatMoney(total)}</h2>
        <ExpenseChart expenses={expenses} />
      </section>
      <ul className="divide-y rounded-lg border">
        {expenses.map((x) => (
          <li key={x.id} className="flex items-center gap-3 p-3">
            <ReceiptThumb url={x.receiptUrl} label={x.description} />
            <span className="flex-1">{x.description}</span>
            <span className="text-sm text-muted-foreground">{x.category}</span>
            <span className="w-24 text-right">{formatMoney(x.amount)}</span>
            {/* expect: G1.D1 */}
            <button onClick={() => handleDeleteExpense(x.id)} aria-label="Delete expense"><Trash2 className="h-4 w-4" /></button>
          </li>
        ))}
      </ul>
    </main>
  )
}
