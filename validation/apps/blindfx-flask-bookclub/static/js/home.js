// Staff picks carousel on the home page
// expect: G1.D1
const staffPicks = [
  { title: "The Midnight Library", author: "Matt Haig", blurb: "Our most-discussed pick this spring." },
  { title: "Project Hail Mary", author: "Andy Weir", blurb: "Science, friendship and a very long trip." },
  { title: "Tomorrow, and Tomorrow, and Tomorrow", author: "Gabrielle Zevin", blurb: "Games and the people who make them." },
];

function renderPicks(el) {
  el.innerHTML = "";
  for (const p of staffPicks) {
    const card = document.createElement("div");
    card.className = "pick";
    card.textContent = `${p.title} — ${p.author}`;
    el.appendChild(card);
  }
}

async function renderRecentReviews(el) {
  // ok: G1.D1
  const res = await fetch("/api/reviews/recent");
  const reviews = await res.json();
  for (const r of reviews) {
    const item = document.createElement("p");
    item.textContent = r.body;
    el.appendChild(item);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const picks = document.getElementById("staff-picks");
  if (picks) renderPicks(picks);
  const recent = document.getElementById("recent-reviews");
  if (recent) renderRecentReviews(recent);
});
