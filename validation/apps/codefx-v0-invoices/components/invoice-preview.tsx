"use client"

import { formatMoney, type LineItem } from "@/lib/invoice-math"

export function InvoicePreview({ items, number }: { items: LineItem[]; number: string }) {
  return (
    <section className="rounded-lg border bg-white p-8 shadow-sm print:shadow-none">
      <h2 className="mb-6 text-xl font-semibold">Invoice {number}</h2>
      <div className="space-y-4">
        {/* A long card per line item is markup, not logic: an inline component. */}
        {/* ok: G2.D3 */}
        {items.map((item, i) => (
          <article key={i} className="grid grid-cols-2 gap-4 rounded border p-4 md:grid-cols-5">
            <div className="flex flex-col">
              <span className="text-xs uppercase tracking-wide text-muted-foreground">Description</span>
              <span className="text-sm font-medium">{item.description}</span>
            </div>
            <div className="flex flex-col">
              <span className="text-xs uppercase tracking-wide text-muted-foreground">Quantity</span>
              <span className="text-sm font-medium">{item.qty}</span>
            </div>
            <div className="flex flex-col">
              <span className="text-xs uppercase tracking-wide text-muted-foreground">Unit price</span>
              <span className="text-sm font-medium">{formatMoney(item.price * 100)}</span>
            </div>
            <div className="flex flex-col">
              <span className="text-xs uppercase tracking-wide text-muted-foreground">Tax code</span>
              <span className="text-sm font-medium">{item.taxCode ?? "standard"}</span>
            </div>
            <div className="flex flex-col">
              <span className="text-xs uppercase tracking-wide text-muted-foreground">Line total</span>
              <span className="text-sm font-medium">{formatMoney(item.qty * item.price * 100)}</span>
            </div>
            <footer className="col-span-full mt-2 grid grid-cols-1 gap-2 border-t pt-3 text-xs text-muted-foreground md:grid-cols-3">
              <p>
                Line {i + 1} of {items.length}
              </p>
              <p className="md:text-center">
                <abbr title="Stock keeping unit">SKU</abbr>: {item.description.toUpperCase().replace(/\s+/g, "-").slice(0, 12)}
              </p>
              <p className="md:text-right">
                Share of invoice:{" "}
                <strong>{Math.round(((item.qty * item.price) / Math.max(1, items.reduce((s, x) => s + x.qty * x.price, 0))) * 100)}%</strong>
              </p>
              <dl className="col-span-full grid grid-cols-2 gap-x-6 gap-y-1 md:grid-cols-4">
                <dt>Unit</dt>
                <dd>piece</dd>
                <dt>Rate basis</dt>
                <dd>per unit</dd>
                <dt>Taxable</dt>
                <dd>{item.taxCode === "zero" ? "no" : "yes"}</dd>
                <dt>Currency</dt>
                <dd>USD</dd>
                <dt>Warehouse</dt>
                <dd>Main</dd>
                <dt>Batch</dt>
                <dd>{i + 100}</dd>
                <dt>Origin</dt>
                <dd>EU</dd>
                <dt>HS code</dt>
                <dd>9403.60</dd>
                <dt>Weight</dt>
                <dd>{item.qty * 2} kg</dd>
                <dt>Dimensions</dt>
                <dd>on request</dd>
                <dt>Warranty</dt>
                <dd>24 months</dd>
                <dt>Returns</dt>
                <dd>30 days</dd>
                <dt>Lead time</dt>
                <dd>5 days</dd>
                <dt>Support</dt>
                <dd>email</dd>
              </dl>
              <ul className="col-span-full list-inside list-disc space-y-1">
                <li>Prices are shown before discounts agreed on the purchase order.</li>
                <li>Quantities are final once the invoice is sent.</li>
                <li>Questions about this line? Reply to the invoice email and quote line {i + 1}.</li>
              </ul>
              <div className="col-span-full flex items-center justify-between">
                <span className="italic">Thank you for your business.</span>
                <span aria-hidden="true" className="font-mono">
                  #{number}-{String(i + 1).padStart(3, "0")}
                </span>
              </div>
              <div className="col-span-full h-px bg-border" />
              <p className="col-span-full">
                Delivered items remain the property of the seller until paid in full. Late payments may incur
                interest at the statutory rate. Disputes must be raised within 14 days of the invoice date.
              </p>
              <p className="col-span-full">
                Remittance: bank transfer to the account shown on page one, quoting the invoice number.
              </p>
            </footer>
          </article>
        ))}
      </div>
    </section>
  )
}
