// ok: G7.D2
const API = window.location.hostname === 'localhost' ? 'http://localhost:4000/api' : '/api'

async function loadClasses() {
  const list = document.getElementById('classes')
  try {
    const res = await fetch(`${API}/classes`)
    const classes = await res.json()
    // expect: G2.D8
    console.log('classes', classes)
    list.innerHTML = ''
    for (const c of classes) {
      const li = document.createElement('li')
      li.textContent = `${c.name} with ${c.coach} · ${new Date(c.starts_at).toLocaleString()}`
      list.appendChild(li)
    }
  } catch (err) {
    list.textContent = 'Could not load classes. Try again later.'
  }
}

loadClasses()
