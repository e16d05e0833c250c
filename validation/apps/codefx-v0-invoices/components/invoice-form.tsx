"use client"

import { useReducer, useState } from "react"
import { Button } from "@/components/ui/button"
import { createClient } from "@/lib/supabase/client"
import { invoiceTotal, formatMoney, type LineItem } from "@/lib/invoice-math"

type State = { items: LineItem[]; clientEmail: string; dueDate: string; currency: string }
type Action =
  | { type: "add" }
  | { type: "remove"; index: number }
  | { type: "update"; index: number; item: LineItem }
  | { type: "email"; value: string }
  | { type: "due"; value: string }
  | { type: "currency"; value: string }
  | { type: "reset" }

const initial: State = { items: [{ description: "", qty: 1, price: 0 }], clientEmail: "", dueDate: "", currency: "USD" }

// ok: G2.D1
function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "add":
      return { ...state, items: [...state.items, { description: "", qty: 1, price: 0 }] }
    case "remove":
      return { ...state, items: state.items.filter((_, i) => i !== action.index) }
    case "update":
      return { ...state, items: state.items.map((it, i) => (i === action.index ? action.item : it)) }
    case "email":
      return { ...state, clientEmail: action.value }
    case "due":
      return { ...state, dueDate: action.value }
    case "currency":
      return { ...state, currency: action.value }
    case "reset":
      return initial
    default:
      return state
  }
}

// expect: G2.D1
function validate(state: State): string[] {
  const errors: string[] = []
  if (!state.clientEmail || !state.clientEmail.includes("@")) errors.push("A valid client email is required")
  if (!state.dueDate) errors.push("Pick a due date")
  else if (new Date(state.dueDate) < new Date()) errors.push("The due date is in the past")
  for (const item of state.items) {
    if (!item.description.trim()) errors.push("Every line needs a description")
    if (item.qty <= 0 || !Number.isInteger(item.qty)) errors.push("Quantities must be whole numbers")
    if (item.price < 0 || (state.currency === "JPY" && item.price % 1 !== 0)) errors.push("Check the prices")
  }
  if (state.items.length === 0 || invoiceTotal(state.items) === 0) errors.push("The invoice total is zero")
  return errors
}

export function InvoiceForm() {
  const [state, dispatch] = useReducer(reducer, initial)
  const [errors, setErrors] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const supabase = createClient()

  const save = async () => {
    const problems = validate(state)
    setErrors(problems)
    if (problems.length > 0) return
    setSaving(true)
    // expect: G2.P3
    const { error } = await supabase.from("invoices").insert({ client_email: state.clientEmail, items: state.items, due_date: state.dueDate })
    setSaving(false)
    if (!error) dispatch({ type: "reset" })
  }

  return (
    <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); save() }}>
      <input className="w-full rounded border p-2" placeholder="client@email.com" value={state.clientEmail} onChange={(e) => dispatch({ type: "email", value: e.target.value })} />
      <input type="date" className="rounded border p-2" value={state.dueDate} onChange={(e) => dispatch({ type: "due", value: e.target.value })} />
      {state.items.map((item, i) => (
        <div key={i} className="flex gap-2">
          <input className="flex-1 rounded border p-2" value={item.description} onChange={(e) => dispatch({ type: "update", index: i, item: { ...item, description: e.target.value } })} />
          <Button type="button" variant="ghost" onClick={() => dispatch({ type: "remove", index: i })}>Remove</Button>
        </div>
      ))}
      {errors.length > 0 && <ul className="text-sm text-red-600">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      <div className="flex justify-between">
        <Button type="button" variant="outline" onClick={() => dispatch({ type: "add" })}>Add line</Button>
        <span className="font-medium">{formatMoney(invoiceTotal(state.items))}</span>
        <Button type="submit" disabled={saving}>{saving ? "Saving..." : "Save invoice"}</Button>
      </div>
    </form>
  )
}
