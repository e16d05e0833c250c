import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import DraftEditor from "@/components/DraftEditor";

export default async function TicketPage({ params }: { params: { id: string } }) {
  const ticket = await prisma.ticket.findUnique({
    where: { id: params.id },
    include: { customer: true, messages: { orderBy: { createdAt: "asc" } } },
  });
  if (!ticket) notFound();

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_280px]">
      <section className="space-y-4">
        <h1 className="text-xl font-semibold">{ticket.subject}</h1>
        {ticket.messages.map((m) => (
          <article
            key={m.id}
            className={`whitespace-pre-wrap rounded-lg p-4 text-sm ${m.direction === "inbound" ? "bg-white" : "bg-indigo-50"}`}
          >
            {m.body}
          </article>
        ))}
        <DraftEditor ticketId={ticket.id} />
      </section>
      <aside className="rounded-lg bg-white p-4 text-sm">
        <p className="font-medium">{ticket.customer.name ?? "Customer"}</p>
        <p className="text-slate-500">{ticket.customer.email}</p>
        <p className="mt-2 text-slate-500">Customer since {ticket.customer.createdAt.toLocaleDateString()}</p>
      </aside>
    </div>
  );
}
