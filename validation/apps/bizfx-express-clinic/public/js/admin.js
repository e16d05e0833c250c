const tbody = document.getElementById("users");
const statusEl = document.getElementById("status");
let page = 1;

async function loadUsers() {
  statusEl.textContent = "Loading users…";
  try {
    // ok: G6.D1
    const res = await fetch(`/api/admin/users?page=${page}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const users = await res.json();
    if (users.length === 0 && page === 1) {
      statusEl.textContent = "No users have signed up yet.";
      return;
    }
    tbody.innerHTML += users
      .map(
        (u) => `<tr>
          <td>${u.full_name}</td>
          <td>${u.email}</td>
          <td>
            <!-- ok: G6.D3 -->
            <select data-user="${u.id}" aria-label="Role for ${u.full_name}">
              ${["patient", "doctor", "admin"].map((r) => `<option ${r === u.role ? "selected" : ""}>${r}</option>`).join("")}
            </select>
          </td>
        </tr>`
      )
      .join("");
    statusEl.textContent = "";
  } catch (err) {
    statusEl.innerHTML = `<span role="alert">Could not load users (${err.message}).</span>`;
  }
}

tbody.addEventListener("change", async (e) => {
  const id = e.target.dataset.user;
  if (!id) return;
  const res = await fetch(`/api/admin/users/${id}/role`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ role: e.target.value }),
  });
  statusEl.textContent = res.ok ? "Role updated" : "Could not update role";
});

document.getElementById("more").addEventListener("click", () => {
  page += 1;
  loadUsers();
});

loadUsers();
