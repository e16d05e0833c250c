create table products (sku text primary key, name text not null, price_cents integer not null, active boolean not null default true);
create table orders (id bigserial primary key, customer_email text not null, total_cents integer not null, created_at timestamptz not null default now());
create table order_lines (order_id bigint references orders(id), sku text references products(sku), qty integer not null, price_cents integer not null);
