document.getElementById("login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  const res = await fetch("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
  });
  if (!res.ok) {
    alert("Wrong email or password");
    return;
  }
  const user = await res.json();
  window.location.href = user.role === "admin" ? "/admin" : "/dashboard.html";
});
