import TicketForm from './TicketForm';

export default function NewTicketPage() {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">New ticket</h1>
      <TicketForm />
    </main>
  );
}
