const form = document.getElementById('note-form');
const board = document.getElementById('notes');

async function refresh() {
  const notes = await (await fetch('/api/notes')).json();
  board.innerHTML = '';
  for (const n of notes) {
    const div = document.createElement('div');
    div.className = 'note';
    div.style.background = n.color;
    div.innerHTML = '<strong></strong><p></p>';
    div.querySelector('strong').textContent = n.title;
    div.querySelector('p').textContent = n.body;
    board.appendChild(div);
  }
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  await fetch('/api/notes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
  form.reset();
  refresh();
});

refresh();
