const db = require('./db');

// ok: G2.D2
const products = [
  { name: 'Hand-thrown mug', category: 'ceramics', price: 28, stock: 14, weight: 0.4 },
  { name: 'Stoneware bowl', category: 'ceramics', price: 34, stock: 9, weight: 0.6 },
  { name: 'Linen tea towel', category: 'textiles', price: 16, stock: 40, weight: 0.1 },
  { name: 'Wool throw', category: 'textiles', price: 120, stock: 5, weight: 1.2 },
  { name: 'Oak serving board', category: 'woodwork', price: 45, stock: 11, weight: 0.9 },
  { name: 'Walnut spoon set', category: 'woodwork', price: 30, stock: 22, weight: 0.2 },
  { name: 'Beeswax candle', category: 'candles', price: 12, stock: 60, weight: 0.3 },
  { name: 'Soy pillar candle', category: 'candles', price: 18, stock: 35, weight: 0.5 },
  { name: 'Silver ring', category: 'jewelry', price: 85, stock: 7, weight: 0.01 },
  { name: 'Brass earrings', category: 'jewelry', price: 42, stock: 16, weight: 0.01 },
  { name: 'Leather wallet', category: 'leather', price: 65, stock: 12, weight: 0.1 },
  { name: 'Leather belt', category: 'leather', price: 55, stock: 10, weight: 0.3 },
];

const insert = db.prepare('INSERT INTO products (name, category, price, stock, weight) VALUES (@name, @category, @price, @stock, @weight)');
for (const p of products) insert.run(p);
console.log(`Seeded ${products.length} products`);
