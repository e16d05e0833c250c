const list = document.getElementById("appointments");

async function loadAppointments() {
  // expect: G6.D1
  const res = await fetch("/api/appointments");
  const appointments = await res.json();
  list.innerHTML = appointments
    .map(
      (a) => `
      <li class="appt">
        <strong>${a.doctor_name}</strong> · ${a.specialty}<br>
        ${new Date(a.starts_at).toLocaleString()} · ${a.status}
        <!-- expect: G6.D3 -->
        <button class="icon-btn" data-cancel="${a.id}"><i class="fa fa-trash"></i></button>
      </li>`
    )
    .join("");
}

async function loadDoctors() {
  const res = await fetch("/api/appointments/doctors");
  const doctors = await res.json();
  document.getElementById("doctor").innerHTML = doctors.map((d) => `<option value="${d.id}">${d.full_name} (${d.specialty})</option>`).join("");
}

list.addEventListener("click", async (e) => {
  const id = e.target.closest("[data-cancel]")?.dataset.cancel;
  if (!id || !confirm("Cancel this appointment?")) return;
  await fetch(`/api/appointments/${id}/cancel`, { method: "POST" });
  loadAppointments();
});

document.getElementById("book-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = Object.fromEntries(new FormData(e.target));
  await fetch("/api/appointments", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  loadAppointments();
});

async function logout() {
  await fetch("/api/auth/logout", { method: "POST" });
  window.location.href = "/";
}

loadAppointments();
loadDoctors();
