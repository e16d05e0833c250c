document.getElementById('new').addEventListener('submit', async (e) => {
  e.preventDefault();
  const title = new FormData(e.target).get('title');
  await fetch('/api/recipes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) });
  location.reload();
});
// Save a draft locally so a refresh does not lose it.
setInterval(() => localStorage.setItem('draft', document.querySelector('[name=title]').value), 5000);
