import DOMPurify from "dompurify";
import { marked } from "marked";

type Props = { invoice: { number: string; amount: number; notes: string | null; terms: string | null } };

export const InvoicePreview = ({ invoice }: Props) => (
  <article className="rounded border p-6">
    <h2 className="text-xl font-semibold">Invoice #{invoice.number}</h2>
    <p className="text-lg">${invoice.amount.toFixed(2)}</p>
    {/* Notes are typed by the client on the public pay page */}
    {/* expect: G4.P3 */}
    <div className="prose" dangerouslySetInnerHTML={{ __html: invoice.notes ?? "" }} />
    {/* ok: G4.P3 */}
    <div className="prose text-sm" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(invoice.terms ?? "") as string) }} />
  </article>
);
