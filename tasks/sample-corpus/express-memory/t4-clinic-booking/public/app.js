const API = 'http://localhost:3000/api';

let token = localStorage.getItem('token');
let currentUser = JSON.parse(localStorage.getItem('user') || 'null');

function headers() {
  return { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token };
}

function showPage(id) {
  document.querySelectorAll('.page').forEach((p) => (p.style.display = 'none'));
  document.getElementById(id).style.display = 'block';
  if (id === 'book') loadDoctors();
  if (id === 'mine') loadMine();
  if (id === 'admin') loadAdmin();
}

async function login() {
  const res = await fetch(API + '/auth/login', {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ email: document.getElementById('email').value, password: document.getElementById('password').value }),
  });
  const data = await res.json();
  if (data.error) return alert(data.error);
  saveSession(data);
}

async function register() {
  const res = await fetch(API + '/auth/register', {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({
      name: document.getElementById('regName').value,
      email: document.getElementById('regEmail').value,
      phone: document.getElementById('regPhone').value,
      password: document.getElementById('regPassword').value,
    }),
  });
  saveSession(await res.json());
}

function saveSession(data) {
  token = data.token;
  currentUser = data.user;
  localStorage.setItem('token', data.token);
  localStorage.setItem('user', JSON.stringify(data.user));
  init();
}

function logout() {
  localStorage.clear();
  location.reload();
}

async function loadDoctors() {
  const doctors = await (await fetch(API + '/appointments/doctors')).json();
  document.getElementById('doctor').innerHTML = doctors
    .map((d) => `<option value="${d.id}">${d.name} - ${d.specialty} (Rs. ${d.fee})</option>`)
    .join('');
  const times = [];
  for (let h = 9; h < 19; h++) for (const m of ['00', '15', '30', '45']) times.push(`${h < 10 ? '0' + h : h}:${m}`);
  document.getElementById('time').innerHTML = times.map((t) => `<option>${t}</option>`).join('');
}

async function book() {
  const res = await fetch(API + '/appointments', {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({
      doctorId: document.getElementById('doctor').value,
      date: document.getElementById('date').value,
      time: document.getElementById('time').value,
      notes: document.getElementById('notes').value,
    }),
  });
  const appt = await res.json();
  document.getElementById('bookMsg').innerHTML = `<p class="success">Booked! Appointment #${appt.id} on ${appt.date} at ${appt.time}</p>`;
}

async function loadMine() {
  const all = await (await fetch(API + '/appointments')).json();
  const mine = all.filter((a) => a.patientId === currentUser.id);
  document.getElementById('appointments').innerHTML = mine
    .map((a) => `<div class="card"><b>${a.doctor.name}</b><br>${a.date} ${a.time}<br><i>${a.notes || ''}</i>
      <button onclick="cancel(${a.id})">Cancel</button></div>`)
    .join('') || '<p>No appointments</p>';
}

async function cancel(id) {
  await fetch(API + '/appointments/' + id, { method: 'DELETE', headers: headers() });
  loadMine();
}

async function loadAdmin() {
  const stats = await (await fetch(API + '/admin/stats', { headers: headers() })).json();
  document.getElementById('stats').innerHTML = `<div class="card">Patients: ${stats.patients} | Appointments: ${stats.appointments} | Revenue: Rs. ${stats.revenue}</div>`;
  const all = await (await fetch(API + '/appointments')).json();
  document.getElementById('allAppointments').innerHTML = all
    .map((a) => `<div class="card">${a.patient?.name} (${a.patient?.phone}) - ${a.doctor.name} - ${a.date} ${a.time}<br>${a.notes || ''}</div>`)
    .join('');
}

function init() {
  if (!token) return showPage('login');
  if (currentUser.role === 'admin' || currentUser.role === 'staff') document.getElementById('adminLink').style.display = 'inline';
  showPage('book');
}

init();
