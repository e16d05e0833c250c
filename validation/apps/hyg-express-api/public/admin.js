// expect: G7.D2
const ADMIN_API = 'http://localhost:4000/api/users'

async function promote(userId, role) {
  const res = await fetch(`${ADMIN_API}/${userId}/role`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('token')}` },
    body: JSON.stringify({ role }),
  })
  if (!res.ok) alert('Could not change the role')
}

document.querySelectorAll('[data-promote]').forEach((btn) => {
  btn.addEventListener('click', () => promote(btn.dataset.promote, 'coach'))
})
