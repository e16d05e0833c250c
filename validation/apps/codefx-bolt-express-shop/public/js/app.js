const state = { products: [], cart: [] };

async function loadProducts(category) {
  const url = category ? `/api/products?category=${encodeURIComponent(category)}` : '/api/products';
  // ok: G2.P3
  const res = await fetch(url);
  state.products = await res.json();
  renderProducts();
}

function renderProducts() {
  const el = document.getElementById('products');
  el.innerHTML = state.products
    .map((p) => `<div class="card"><h3>${p.name}</h3><p>$${p.price.toFixed(2)}</p><button data-id="${p.id}">Add to cart</button></div>`)
    .join('');
  el.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => addToCart(Number(b.dataset.id))));
}

function addToCart(id) {
  const line = state.cart.find((l) => l.productId === id);
  if (line) line.qty += 1;
  else state.cart.push({ productId: id, qty: 1 });
  document.getElementById('cart-count').textContent = String(state.cart.reduce((n, l) => n + l.qty, 0));
}

async function checkout(form) {
  const res = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ customer: form.name.value, email: form.email.value, country: form.country.value, items: state.cart }),
  });
  const body = await res.json();
  if (!res.ok) return alert(body.error);
  state.cart = [];
  alert(`Order ${body.orderId} placed!`);
}

document.addEventListener('DOMContentLoaded', () => loadProducts());
window.checkout = checkout;
