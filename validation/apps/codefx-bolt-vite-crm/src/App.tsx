// expect: G2.D3
import { useEffect, useState } from 'react';
import { Plus, Search, Trash2, Edit, X, Users, DollarSign, CheckSquare, LogOut } from 'lucide-react';
import { supabase } from './lib/supabase';

interface Contact {
  id: string;
  name: string;
  email: string;
  phone: string;
  company: string;
  created_at: string;
}

interface Deal {
  id: string;
  title: string;
  value: number;
  stage: string;
  contact_id: string;
  created_at: string;
}

interface Task {
  id: string;
  title: string;
  due_date: string;
  priority: string;
  assignee: string;
  created_at: string;
}

type Tab = 'contacts' | 'deals' | 'tasks' | 'reports';

// ok: G2.D1
function stageColor(stage: string): string {
  switch (stage) {
    case 'lead':
      return 'bg-gray-100 text-gray-800';
    case 'qualified':
      return 'bg-blue-100 text-blue-800';
    case 'proposal':
      return 'bg-indigo-100 text-indigo-800';
    case 'negotiation':
      return 'bg-yellow-100 text-yellow-800';
    case 'won':
      return 'bg-green-100 text-green-800';
    case 'lost':
      return 'bg-red-100 text-red-800';
    case 'on_hold':
      return 'bg-orange-100 text-orange-800';
    case 'churned':
      return 'bg-pink-100 text-pink-800';
    case 'renewal':
      return 'bg-teal-100 text-teal-800';
    case 'upsell':
      return 'bg-purple-100 text-purple-800';
    case 'trial':
      return 'bg-cyan-100 text-cyan-800';
    default:
      return 'bg-gray-100 text-gray-600';
  }
}

// expect: G2.D3, G2.D1
function App() {
  const [tab, setTab] = useState<Tab>('contacts');
  const [search, setSearch] = useState('');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [showContactModal, setShowContactModal] = useState(false);
  const [editingContact, setEditingContact] = useState<Contact | null>(null);
  const [contactForm, setContactForm] = useState<Record<string, string>>({});
  const [deals, setDeals] = useState<Deal[]>([]);
  const [showDealModal, setShowDealModal] = useState(false);
  const [editingDeal, setEditingDeal] = useState<Deal | null>(null);
  const [dealForm, setDealForm] = useState<Record<string, string>>({});
  const [tasks, setTasks] = useState<Task[]>([]);
  const [showTaskModal, setShowTaskModal] = useState(false);
  const [editingTask, setEditingTask] = useState<Task | null>(null);
  const [taskForm, setTaskForm] = useState<Record<string, string>>({});

  useEffect(() => {
    loadAll();
  }, []);

  const loadAll = async () => {
    setLoading(true);
    try {
      // expect: G2.P3
      const { data: contactsData, error: contactsError } = await supabase.from('contacts').select('*').order('created_at', { ascending: false });
      if (contactsError) throw contactsError;
      setContacts(contactsData || []);
      // deals
      const { data: dealsData, error: dealsError } = await supabase.from('deals').select('*').order('created_at', { ascending: false });
      if (dealsError) throw dealsError;
      setDeals(dealsData || []);
      // tasks
      const { data: tasksData, error: tasksError } = await supabase.from('tasks').select('*').order('created_at', { ascending: false });
      if (tasksError) throw tasksError;
      setTasks(tasksData || []);
      // expect: G2.D4
    } catch (err: any) {
      setError(err.message);
    } finally {
      setLoading(false);
    }
  };

  const handleSaveContact = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (editingContact) {
      const { error } = await supabase.from('contacts').update(contactForm).eq('id', editingContact.id);
      if (error) {
        setError(error.message);
        return;
      }
    } else {
      const { error } = await supabase.from('contacts').insert([contactForm]);
      if (error) {
        setError(error.message);
        return;
      }
    }
    setShowContactModal(false);
    setEditingContact(null);
    setContactForm({});
    loadAll();
  };

  const handleDeleteContact = async (id: string) => {
    if (!confirm('Are you sure you want to delete this contact?')) return;
    const { error } = await supabase.from('contacts').delete().eq('id', id);
    if (error) {
      setError(error.message);
      return;
    }
    loadAll();
  };

  const handleSaveDeal = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (editingDeal) {
      const { error } = await supabase.from('deals').update(dealForm).eq('id', editingDeal.id);
      if (error) {
        setError(error.message);
        return;
      }
    } else {
      const { error } = await supabase.from('deals').insert([dealForm]);
      if (error) {
        setError(error.message);
        return;
      }
    }
    setShowDealModal(false);
    setEditingDeal(null);
    setDealForm({});
    loadAll();
  };

  const handleDeleteDeal = async (id: string) => {
    if (!confirm('Are you sure you want to delete this deal?')) return;
    const { error } = await supabase.from('deals').delete().eq('id', id);
    if (error) {
      setError(error.message);
      return;
    }
    loadAll();
  };

  const handleSaveTask = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (editingTask) {
      const { error } = await supabase.from('tasks').update(taskForm).eq('id', editingTask.id);
      if (error) {
        setError(error.message);
        return;
      }
    } else {
      const { error } = await supabase.from('tasks').insert([taskForm]);
      if (error) {
        setError(error.message);
        return;
      }
    }
    setShowTaskModal(false);
    setEditingTask(null);
    setTaskForm({});
    loadAll();
  };

  const handleDeleteTask = async (id: string) => {
    if (!confirm('Are you sure you want to delete this task?')) return;
    const { error } = await supabase.from('tasks').delete().eq('id', id);
    if (error) {
      setError(error.message);
      return;
    }
    loadAll();
  };

  const pipelineValue = deals.filter((d) => d.stage !== 'lost').reduce((sum, d) => sum + Number(d.value || 0), 0);
  const overdue = tasks.filter((t) => t.due_date && new Date(t.due_date) < new Date() && t.priority !== 'done').length;
  const winRate = deals.length ? Math.round((deals.filter((d) => d.stage === 'won').length / deals.length) * 100) : 0;

  const matches = (values: string[]) => !search || values.some((v) => v && v.toLowerCase().includes(search.toLowerCase()));

  if (loading) {
    return <div className="flex h-screen items-center justify-center text-gray-500">Loading...</div>;
  }

  return (
    <div className="min-h-screen bg-gray-50">
      <header className="bg-white shadow-sm">
        <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-4">
          <h1 className="text-2xl font-bold text-gray-900">PipelineCRM</h1>
          <button onClick={() => supabase.auth.signOut()} className="flex items-center gap-2 text-gray-600 hover:text-gray-900">
            <LogOut className="h-4 w-4" /> Sign out
          </button>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">
        {error && (
          <div className="mb-4 flex items-center justify-between rounded bg-red-50 p-3 text-red-700">
            <span>{error}</span>
            <button onClick={() => setError(null)}><X className="h-4 w-4" /></button>
          </div>
        )}
        <div className="mb-6 grid grid-cols-1 gap-4 md:grid-cols-3">
          <div className="rounded-lg bg-white p-4 shadow">
            <div className="flex items-center gap-2 text-sm text-gray-500"><Users className="h-4 w-4" /> Contacts</div>
            <div className="mt-1 text-2xl font-semibold">{contacts.length}</div>
          </div>
          <div className="rounded-lg bg-white p-4 shadow">
            <div className="flex items-center gap-2 text-sm text-gray-500"><DollarSign className="h-4 w-4" /> Pipeline value</div>
            <div className="mt-1 text-2xl font-semibold">{`$${pipelineValue.toLocaleString()}`}</div>
          </div>
          <div className="rounded-lg bg-white p-4 shadow">
            <div className="flex items-center gap-2 text-sm text-gray-500"><CheckSquare className="h-4 w-4" /> Overdue tasks</div>
            <div className="mt-1 text-2xl font-semibold">{overdue}</div>
          </div>
        </div>
        <div className="mb-4 flex items-center justify-between">
          <div className="flex gap-2">
            <button onClick={() => setTab('contacts')} className={`rounded px-4 py-2 ${tab === 'contacts' ? 'bg-blue-600 text-white' : 'bg-white text-gray-700'}`}>Contacts</button>
            <button onClick={() => setTab('deals')} className={`rounded px-4 py-2 ${tab === 'deals' ? 'bg-blue-600 text-white' : 'bg-white text-gray-700'}`}>Deals</button>
            <button onClick={() => setTab('tasks')} className={`rounded px-4 py-2 ${tab === 'tasks' ? 'bg-blue-600 text-white' : 'bg-white text-gray-700'}`}>Tasks</button>
            <button onClick={() => setTab('reports')} className={`rounded px-4 py-2 ${tab === 'reports' ? 'bg-blue-600 text-white' : 'bg-white text-gray-700'}`}>Reports</button>
          </div>
          <div className="relative">
            <Search className="absolute left-3 top-2.5 h-4 w-4 text-gray-400" />
            <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search..." className="rounded border py-2 pl-9 pr-3" />
          </div>
        </div>
        {tab === 'contacts' && (
          <div className="rounded-lg bg-white shadow">
            <div className="flex items-center justify-between border-b p-4">
              <h2 className="text-lg font-semibold">Contacts</h2>
              <button onClick={() => { setEditingContact(null); setContactForm({}); setShowContactModal(true); }} className="flex items-center gap-1 rounded bg-blue-600 px-3 py-2 text-white">
                <Plus className="h-4 w-4" /> Add contact
              </button>
            </div>
            <table className="w-full">
              <thead className="bg-gray-50 text-left text-sm text-gray-500">
                <tr>
                  <th className="px-4 py-2">Name</th>
                  <th className="px-4 py-2">Email</th>
                  <th className="px-4 py-2">Phone</th>
                  <th className="px-4 py-2">Company</th>
                  <th className="px-4 py-2" />
                </tr>
              </thead>
              <tbody>
                {contacts.filter((c) => matches([String(c.name), String(c.email), String(c.phone), String(c.company)])).map((c) => (
                  <tr key={c.id} className="border-t">
                    <td className="px-4 py-2">{c.name}</td>
                    <td className="px-4 py-2">{c.email}</td>
                    <td className="px-4 py-2">{c.phone}</td>
                    <td className="px-4 py-2">{c.company}</td>
                    <td className="px-4 py-2 text-right">
                      <button onClick={() => { setEditingContact(c); setContactForm({ name: String(c.name), email: String(c.email), phone: String(c.phone), company: String(c.company) }); setShowContactModal(true); }} className="mr-2 text-gray-500"><Edit className="h-4 w-4" /></button>
                      <button onClick={() => handleDeleteContact(c.id)} className="text-red-500"><Trash2 className="h-4 w-4" /></button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {tab === 'deals' && (
          <div className="rounded-lg bg-white shadow">
            <div className="flex items-center justify-between border-b p-4">
              <h2 className="text-lg font-semibold">Deals</h2>
              <button onClick={() => { setEditingDeal(null); setDealForm({}); setShowDealModal(true); }} className="flex items-center gap-1 rounded bg-blue-600 px-3 py-2 text-white">
                <Plus className="h-4 w-4" /> Add deal
              </button>
            </div>
            <table className="w-full">
              <thead className="bg-gray-50 text-left text-sm text-gray-500">
                <tr>
                  <th className="px-4 py-2">Title</th>
                  <th className="px-4 py-2">Value</th>
                  <th className="px-4 py-2">Stage</th>
                  <th className="px-4 py-2">Contact</th>
                  <th className="px-4 py-2" />
                </tr>
              </thead>
              <tbody>
                {deals.filter((d) => matches([String(d.title), String(d.value), String(d.stage), String(d.contact_id)])).map((d) => (
                  <tr key={d.id} className="border-t">
                    <td className="px-4 py-2">{d.title}</td>
                    <td className="px-4 py-2">{d.value}</td>
                    <td className="px-4 py-2"><span className={`rounded px-2 py-1 text-xs ${stageColor(d.stage)}`}>{d.stage}</span></td>
                    <td className="px-4 py-2">{d.contact_id}</td>
                    <td className="px-4 py-2 text-right">
                      <button onClick={() => { setEditingDeal(d); setDealForm({ title: String(d.title), value: String(d.value), stage: String(d.stage), contact_id: String(d.contact_id) }); setShowDealModal(true); }} className="mr-2 text-gray-500"><Edit className="h-4 w-4" /></button>
                      <button onClick={() => handleDeleteDeal(d.id)} className="text-red-500"><Trash2 className="h-4 w-4" /></button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {tab === 'tasks' && (
          <div className="rounded-lg bg-white shadow">
            <div className="flex items-center justify-between border-b p-4">
              <h2 className="text-lg font-semibold">Tasks</h2>
              <button onClick={() => { setEditingTask(null); setTaskForm({}); setShowTaskModal(true); }} className="flex items-center gap-1 rounded bg-blue-600 px-3 py-2 text-white">
                <Plus className="h-4 w-4" /> Add task
              </button>
            </div>
            <table className="w-full">
              <thead className="bg-gray-50 text-left text-sm text-gray-500">
                <tr>
                  <th className="px-4 py-2">Title</th>
                  <th className="px-4 py-2">Due date</th>
                  <th className="px-4 py-2">Priority</th>
                  <th className="px-4 py-2">Assignee</th>
                  <th className="px-4 py-2" />
                </tr>
              </thead>
              <tbody>
                {tasks.filter((t) => matches([String(t.title), String(t.due_date), String(t.priority), String(t.assignee)])).map((t) => (
                  <tr key={t.id} className="border-t">
                    <td className="px-4 py-2">{t.title}</td>
                    <td className="px-4 py-2">{t.due_date}</td>
                    <td className="px-4 py-2">{t.priority}</td>
                    <td className="px-4 py-2">{t.assignee}</td>
                    <td className="px-4 py-2 text-right">
                      <button onClick={() => { setEditingTask(t); setTaskForm({ title: String(t.title), due_date: String(t.due_date), priority: String(t.priority), assignee: String(t.assignee) }); setShowTaskModal(true); }} className="mr-2 text-gray-500"><Edit className="h-4 w-4" /></button>
                      <button onClick={() => handleDeleteTask(t.id)} className="text-red-500"><Trash2 className="h-4 w-4" /></button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {tab === 'reports' && (
          <div className="rounded-lg bg-white p-6 shadow">
            <h2 className="mb-4 text-lg font-semibold">Reports</h2>
            <p>Win rate: {winRate}%</p>
            <p>Open deals: {deals.filter((d) => d.stage !== 'won' && d.stage !== 'lost').length}</p>
            <p>Tasks due this week: {tasks.filter((t) => t.due_date && new Date(t.due_date).getTime() - Date.now() < 7 * 86400000).length}</p>
          </div>
        )}
      </main>
      {showContactModal && (
        <div className="fixed inset-0 flex items-center justify-center bg-black/50">
          <div className="w-full max-w-md rounded-lg bg-white p-6">
            <div className="mb-4 flex items-center justify-between">
              <h3 className="text-lg font-semibold">{editingContact ? 'Edit contact' : 'New contact'}</h3>
              <button onClick={() => setShowContactModal(false)}><X className="h-5 w-5" /></button>
            </div>
            <form onSubmit={handleSaveContact} className="space-y-3">
              <div>
                <label className="block text-sm font-medium text-gray-700">Name</label>
                <input type="text" value={contactForm.name || ''} onChange={(e) => setContactForm({ ...contactForm, name: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Email</label>
                <input type="email" value={contactForm.email || ''} onChange={(e) => setContactForm({ ...contactForm, email: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Phone</label>
                <input type="tel" value={contactForm.phone || ''} onChange={(e) => setContactForm({ ...contactForm, phone: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Company</label>
                <input type="text" value={contactForm.company || ''} onChange={(e) => setContactForm({ ...contactForm, company: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div className="flex justify-end gap-2 pt-2">
                <button type="button" onClick={() => setShowContactModal(false)} className="rounded border px-4 py-2">Cancel</button>
                <button type="submit" className="rounded bg-blue-600 px-4 py-2 text-white">Save</button>
              </div>
            </form>
          </div>
        </div>
      )}
      {showDealModal && (
        <div className="fixed inset-0 flex items-center justify-center bg-black/50">
          <div className="w-full max-w-md rounded-lg bg-white p-6">
            <div className="mb-4 flex items-center justify-between">
              <h3 className="text-lg font-semibold">{editingDeal ? 'Edit deal' : 'New deal'}</h3>
              <button onClick={() => setShowDealModal(false)}><X className="h-5 w-5" /></button>
            </div>
            <form onSubmit={handleSaveDeal} className="space-y-3">
              <div>
                <label className="block text-sm font-medium text-gray-700">Title</label>
                <input type="text" value={dealForm.title || ''} onChange={(e) => setDealForm({ ...dealForm, title: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Value</label>
                <input type="number" value={dealForm.value || ''} onChange={(e) => setDealForm({ ...dealForm, value: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Stage</label>
                <input type="text" value={dealForm.stage || ''} onChange={(e) => setDealForm({ ...dealForm, stage: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Contact</label>
                <input type="text" value={dealForm.contact_id || ''} onChange={(e) => setDealForm({ ...dealForm, contact_id: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div className="flex justify-end gap-2 pt-2">
                <button type="button" onClick={() => setShowDealModal(false)} className="rounded border px-4 py-2">Cancel</button>
                <button type="submit" className="rounded bg-blue-600 px-4 py-2 text-white">Save</button>
              </div>
            </form>
          </div>
        </div>
      )}
      {showTaskModal && (
        <div className="fixed inset-0 flex items-center justify-center bg-black/50">
          <div className="w-full max-w-md rounded-lg bg-white p-6">
            <div className="mb-4 flex items-center justify-between">
              <h3 className="text-lg font-semibold">{editingTask ? 'Edit task' : 'New task'}</h3>
              <button onClick={() => setShowTaskModal(false)}><X className="h-5 w-5" /></button>
            </div>
            <form onSubmit={handleSaveTask} className="space-y-3">
              <div>
                <label className="block text-sm font-medium text-gray-700">Title</label>
                <input type="text" value={taskForm.title || ''} onChange={(e) => setTaskForm({ ...taskForm, title: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Due date</label>
                <input type="date" value={taskForm.due_date || ''} onChange={(e) => setTaskForm({ ...taskForm, due_date: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Priority</label>
                <input type="text" value={taskForm.priority || ''} onChange={(e) => setTaskForm({ ...taskForm, priority: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div>
                <label className="block text-sm font-medium text-gray-700">Assignee</label>
                <input type="text" value={taskForm.assignee || ''} onChange={(e) => setTaskForm({ ...taskForm, assignee: e.target.value })} className="mt-1 w-full rounded border px-3 py-2" required />
              </div>
              <div className="flex justify-end gap-2 pt-2">
                <button type="button" onClick={() => setShowTaskModal(false)} className="rounded border px-4 py-2">Cancel</button>
                <button type="submit" className="rounded bg-blue-600 px-4 py-2 text-white">Save</button>
              </div>
            </form>
          </div>
        </div>
      )}
    </div>
  );
}

export default App;
