const API = 'http://localhost:3000/api';
let token = localStorage.getItem('token');
let currentTicket = null;

const authHeaders = () => ({ 'Content-Type': 'application/json', Authorization: 'Bearer ' + token });

async function login() {
  const res = await fetch(API + '/auth/login', {
    method: 'POST',
    headers: authHeaders(),
    body: JSON.stringify({ email: document.getElementById('email').value, password: document.getElementById('password').value }),
  });
  const data = await res.json();
  if (!res.ok) return alert(data.error);
  token = data.token;
  localStorage.setItem('token', token);
  localStorage.setItem('role', data.agent.role);
  start();
}

async function loadTickets() {
  const status = document.getElementById('statusFilter').value;
  const tickets = await (await fetch(API + '/tickets' + (status ? '?status=' + status : ''), { headers: authHeaders() })).json();
  document.getElementById('ticketList').innerHTML = tickets
    .map((t) => `<li onclick="openTicket(${t.id})"><b>${t.subject}</b><br><small>${t.customer.email} · ${t.status}</small></li>`)
    .join('');
}

async function openTicket(id) {
  currentTicket = await (await fetch(API + '/tickets/' + id, { headers: authHeaders() })).json();
  document.getElementById('thread').innerHTML =
    `<h2>${currentTicket.subject}</h2>` +
    currentTicket.messages.map((m) => `<div class="msg ${m.direction}">${m.body}</div>`).join('');
  document.getElementById('composer').style.display = 'block';
  document.getElementById('reply').value = '';
  draft();
}

async function draft() {
  document.getElementById('reply').value = 'Thinking…';
  const res = await fetch(API + '/ai/draft/' + currentTicket.id, { method: 'POST', headers: authHeaders() });
  const data = await res.json();
  document.getElementById('reply').value = data.draft;
}

async function sendReply() {
  await fetch(API + '/tickets/' + currentTicket.id + '/reply', {
    method: 'POST',
    headers: authHeaders(),
    body: JSON.stringify({ body: document.getElementById('reply').value }),
  });
  openTicket(currentTicket.id);
  loadTickets();
}

async function loadMacros() {
  const macros = await (await fetch(API + '/macros', { headers: authHeaders() })).json();
  const select = document.getElementById('macroSelect');
  select.innerHTML += macros.map((m) => `<option value="${m.id}">${m.name}</option>`).join('');
  select.onchange = async () => {
    const res = await fetch(API + '/macros/apply', {
      method: 'POST',
      headers: authHeaders(),
      body: JSON.stringify({ macroId: select.value, ticketId: currentTicket.id, vars: { days: 3 } }),
    });
    document.getElementById('reply').value = (await res.json()).text;
  };
}

function start() {
  if (!token) return;
  document.getElementById('loginView').style.display = 'none';
  document.getElementById('appView').style.display = 'flex';
  loadTickets();
  loadMacros();
}

start();
