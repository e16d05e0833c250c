import { notFound } from "next/navigation";
import { requireProfile } from "@/lib/supabase/server";
import CommentForm from "./CommentForm";

export default async function TicketPage({ params }: { params: { id: string } }) {
  const { supabase } = await requireProfile();
  const { data: ticket } = await supabase.from("tickets").select("*").eq("id", params.id).maybeSingle();
  if (!ticket) notFound();
  const { data: comments, error } = await supabase.from("comments").select("id, body, created_at").eq("ticket_id", params.id).order("created_at").limit(200);
  if (error) throw new Error(error.message);

  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6">
      <header>
        <h1 className="text-2xl font-semibold">{ticket.subject}</h1>
        <p className="text-sm text-neutral-500">Status: {ticket.status}</p>
      </header>
      <p className="whitespace-pre-wrap">{ticket.body}</p>
      <section>
        <h2 className="mb-2 font-semibold">Conversation</h2>
        {comments.length === 0 && <p className="text-sm text-neutral-500">No replies yet.</p>}
        <ol className="space-y-3">
          {comments.map((c) => (
            <li key={c.id} className="rounded border p-3 text-sm">
              {c.body}
            </li>
          ))}
        </ol>
      </section>
      <CommentForm ticketId={ticket.id} />
    </main>
  );
}
