import { useState } from "react";
import { Search } from "lucide-react";

// expect: G1.D1, G1.D2
const mockClients = [
  // expect: G1.D2
  { id: 1, name: "John Doe", company: "Acme Corp", email: "john@example.com", balance: 1250 },
  { id: 2, name: "Jane Smith", company: "Globex", email: "jane@example.com", balance: 0 },
  { id: 3, name: "Bob Johnson", company: "Initech", email: "bob@example.com", balance: 3400 },
];

const Clients = () => {
  const [query, setQuery] = useState("");
  const [clients, setClients] = useState(mockClients);

  const addClient = (name: string, email: string) => {
    setClients([...clients, { id: Date.now(), name, company: "", email, balance: 0 }]);
  };

  const visible = clients.filter((c) => c.name.toLowerCase().includes(query.toLowerCase()));

  return (
    <div className="p-8">
      <div className="mb-4 flex items-center gap-2">
        <Search className="h-4 w-4" />
        {/* ok: G1.D2 */}
        <input className="rounded border px-3 py-2" placeholder="Search clients..." value={query} onChange={(e) => setQuery(e.target.value)} />
        {/* expect: G1.D1 */}
        <button onClick={() => addClient("New client", "new@client.com")}>Add client</button>
      </div>
      <table className="w-full">
        <tbody>
          {visible.map((c) => (
            <tr key={c.id}><td>{c.name}</td><td>{c.company}</td><td>{c.email}</td><td>${c.balance}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

export default Clients;
