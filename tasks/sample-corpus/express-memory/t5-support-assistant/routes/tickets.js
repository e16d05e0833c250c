const express = require('express');
const { tickets, messages, customers, settings } = require('../store');
const { requireAuth } = require('./auth');
const { sendEmail } = require('../utils/mailer');

const router = express.Router();

router.get('/', requireAuth, (req, res) => {
  let result = tickets.map((t) => ({
    ...t,
    customer: customers.find((c) => c.id === t.customerId),
    lastMessage: messages.filter((m) => m.ticketId === t.id).slice(-1)[0],
  }));
  if (req.query.status) result = result.filter((t) => t.status === req.query.status);
  res.json(result);
});

router.get('/:id', requireAuth, (req, res) => {
  const ticket = tickets.find((t) => t.id == req.params.id);
  res.json({
    ...ticket,
    customer: customers.find((c) => c.id === ticket.customerId),
    messages: messages.filter((m) => m.ticketId == req.params.id),
  });
});

router.post('/:id/reply', requireAuth, async (req, res) => {
  const ticket = tickets.find((t) => t.id == req.params.id);
  const customer = customers.find((c) => c.id === ticket.customerId);
  await sendEmail(customer.email, 'Re: ' + ticket.subject, req.body.body);
  const msg = { id: messages.length + 1, ticketId: ticket.id, direction: 'outbound', body: req.body.body, createdAt: new Date().toISOString() };
  messages.push(msg);
  ticket.status = 'pending';
  res.json(msg);
});

// Inbound email webhook (no auth so the email provider can call it)
const inbound = express.Router();
inbound.post('/', async (req, res) => {
  const { from, subject, text } = req.body;
  let customer = customers.find((c) => c.email === from);
  if (!customer) {
    customer = { id: customers.length + 1, name: from.split('@')[0], email: from };
    customers.push(customer);
  }
  const ticket = { id: tickets.length + 1, customerId: customer.id, subject, status: 'open', createdAt: new Date().toISOString() };
  tickets.push(ticket);
  messages.push({ id: messages.length + 1, ticketId: ticket.id, direction: 'inbound', body: text, createdAt: ticket.createdAt });

  // Auto-reply with AI so customers get an instant answer
  if (settings.autoReply) {
    const { generateReply } = require('./ai');
    try {
      const reply = await generateReply(ticket.id);
      await sendEmail(customer.email, 'Re: ' + subject, reply);
      messages.push({ id: messages.length + 1, ticketId: ticket.id, direction: 'outbound', body: reply, ai: true, createdAt: new Date().toISOString() });
    } catch (e) {}
  }

  res.json({ ok: true, ticketId: ticket.id });
});

module.exports = router;
module.exports.inbound = inbound;
