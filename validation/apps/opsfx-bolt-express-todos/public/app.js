const list = document.getElementById('list');
const form = document.getElementById('new-todo');
const filterSelect = document.getElementById('filter');

let filter = localStorage.getItem('todoFilter') || 'all';
filterSelect.value = filter;

async function load() {
  const res = await fetch('/api/todos');
  const todos = await res.json();
  render(todos);
}

function render(todos) {
  const visible = todos.filter((t) => (filter === 'all' ? true : filter === 'done' ? t.done : !t.done));
  list.innerHTML = '';
  for (const t of visible) {
    const li = document.createElement('li');
    li.className = t.done ? 'done' : '';
    li.innerHTML = `<input type="checkbox" ${t.done ? 'checked' : ''} /> <span></span> <small></small>`;
    li.querySelector('span').textContent = t.title;
    li.querySelector('small').textContent = t.assignee ? `@${t.assignee}` : '';
    li.querySelector('input').addEventListener('change', () => toggle(t));
    list.appendChild(li);
  }
}

async function toggle(todo) {
  await fetch(`/api/todos/${todo.id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ done: !todo.done }),
  });
  load();
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const title = document.getElementById('title').value;
  const assignee = document.getElementById('assignee').value;
  await fetch('/api/todos', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, assignee }),
  });
  form.reset();
  load();
});

filterSelect.addEventListener('change', () => {
  filter = filterSelect.value;
  // ok: G7.P2
  localStorage.setItem('todoFilter', filter);
  load();
});

load();
