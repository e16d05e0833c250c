const md5 = require('md5');

// in-memory database
let agents = [
  { id: 1, name: 'Admin', email: 'admin@support.app', password: md5('admin'), role: 'admin' },
  { id: 2, name: 'Sam Agent', email: 'sam@support.app', password: md5('sam123'), role: 'agent' },
];

let customers = [
  { id: 1, name: 'Jane Cooper', email: 'jane@example.com' },
  { id: 2, name: 'Test Customer', email: 'test@test.com' },
];

let tickets = [
  { id: 1, customerId: 1, subject: 'Where is my order?', status: 'open', assigneeId: null, createdAt: '2026-10-13T10:00:00Z' },
  { id: 2, customerId: 2, subject: 'Lorem ipsum dolor sit amet', status: 'pending', assigneeId: 2, createdAt: '2026-10-14T08:30:00Z' },
];

let messages = [
  { id: 1, ticketId: 1, direction: 'inbound', body: 'Hi, I ordered a kettle last week and it has not arrived yet.', createdAt: '2026-10-13T10:00:00Z' },
  { id: 2, ticketId: 2, direction: 'inbound', body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.', createdAt: '2026-10-14T08:30:00Z' },
];

let macros = [
  { id: 1, name: 'Shipping delay', template: 'Hi ${customer.name}, sorry for the delay on your order! It will arrive within ${days} days.' },
  { id: 2, name: 'Refund', template: 'Hi ${customer.name}, we have issued a refund of ${amount}. It takes 5-7 business days.' },
];

let settings = { tone: 'friendly', autoReply: true, monthlyBudget: 100 };

module.exports = { agents, customers, tickets, messages, macros, settings };
