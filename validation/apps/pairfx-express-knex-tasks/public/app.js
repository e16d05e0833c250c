const app = document.getElementById('app');

async function api(path, options = {}) {
  const res = await fetch(path, { headers: { 'Content-Type': 'application/json' }, ...options });
  if (res.status === 401) {
    renderLogin();
    return null;
  }
  return res.status === 204 ? null : res.json();
}

function renderLogin() {
  app.innerHTML = `
    <h1>Taskboard</h1>
    <form id="login"><input name="email" type="email" placeholder="Email" /><input name="password" type="password" placeholder="Password" /><button>Sign in</button></form>`;
  document.getElementById('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    await api('/api/auth/login', { method: 'POST', body: JSON.stringify(Object.fromEntries(form)) });
    renderTasks();
  });
}

async function renderTasks() {
  const tasks = await api('/api/tasks');
  if (!tasks) return;
  app.innerHTML = '<h1>My tasks</h1><ul id="tasks"></ul>';
  const list = document.getElementById('tasks');
  for (const task of tasks) {
    const li = document.createElement('li');
    li.className = 'task';
    li.textContent = `${task.title} — ${task.status}${task.due_date ? ` (due ${task.due_date.slice(0, 10)})` : ''}`;
    list.appendChild(li);
  }
}

renderTasks();
