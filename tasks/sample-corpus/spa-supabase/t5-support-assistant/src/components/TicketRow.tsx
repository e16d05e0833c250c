import { Link } from "react-router-dom";
import { formatDistanceToNow } from "date-fns";

const statusColors = {
  open: "bg-green-100 text-green-700",
  pending: "bg-amber-100 text-amber-700",
  solved: "bg-zinc-100 text-zinc-600",
};

export default function TicketRow({ ticket }) {
  return (
    <Link to={`/tickets/${ticket.id}`} className="flex items-center justify-between border-b px-4 py-3 hover:bg-zinc-50">
      <div className="min-w-0">
        <div className="flex items-center gap-2">
          <span className="font-medium">{ticket.customer?.name}</span>
          <span className={`rounded-full px-2 py-0.5 text-xs ${statusColors[ticket.status]}`}>{ticket.status}</span>
        </div>
        <p className="truncate text-sm">{ticket.subject}</p>
        <p className="truncate text-xs text-zinc-500">{ticket.preview}</p>
      </div>
      <span className="shrink-0 text-xs text-zinc-400">{formatDistanceToNow(new Date(ticket.created_at))} ago</span>
    </Link>
  );
}
