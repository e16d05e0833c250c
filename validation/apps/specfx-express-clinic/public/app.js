const physioSelect = document.getElementById('physio');
const timeSelect = document.getElementById('time');
const bookingForm = document.getElementById('booking-form');
const bookingStatus = document.getElementById('booking-status');
const feedbackForm = document.getElementById('feedback-form');
const feedbackList = document.getElementById('feedback-list');

let physios = [];
const feedbackEntries = [];

async function loadPhysios() {
  const res = await fetch('/api/appointments/physios');
  physios = await res.json();
  physioSelect.innerHTML = physios.map((p) => `<option value="${p.id}">${p.name} — ${p.specialty}</option>`).join('');
  renderSlots();
}

function renderSlots() {
  const physio = physios.find((p) => String(p.id) === physioSelect.value);
  timeSelect.innerHTML = (physio ? physio.slots : []).map((s) => `<option>${s}</option>`).join('');
}

function renderFeedback() {
  feedbackList.innerHTML = feedbackEntries
    .map((f) => `<li><strong>${'★'.repeat(f.rating)}</strong> ${f.message} — ${f.name || 'Anonymous'}</li>`)
    .join('');
}

physioSelect.addEventListener('change', renderSlots);

// ok: G1.D1
bookingForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(bookingForm));
  const res = await fetch('/api/appointments', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });
  if (res.ok) {
    bookingStatus.textContent = 'Booked! We have emailed the clinic.';
    bookingForm.reset();
  } else {
    bookingStatus.textContent = (await res.json()).error || 'Booking failed, please try again.';
  }
});

// expect: G1.D1
feedbackForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(feedbackForm));
  feedbackEntries.unshift({ name: data.name, message: data.message, rating: Number(data.rating), date: new Date().toISOString() });
  renderFeedback();
  feedbackForm.reset();
  alert('Thank you for your feedback!');
});

loadPhysios();
