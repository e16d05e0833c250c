const express = require('express');
const { macros, tickets, customers } = require('../store');
const { requireAuth } = require('./auth');

const router = express.Router();

router.get('/', requireAuth, (req, res) => res.json(macros));

router.post('/', requireAuth, (req, res) => {
  const macro = { id: macros.length + 1, name: req.body.name, template: req.body.template };
  macros.push(macro);
  res.json(macro);
});

// Fill in a macro for a ticket, e.g. { macroId: 1, vars: { days: 3 } }
router.post('/apply', requireAuth, (req, res) => {
  const macro = macros.find((m) => m.id == req.body.macroId);
  const ticket = tickets.find((t) => t.id == req.body.ticketId);
  const customer = customers.find((c) => c.id === ticket.customerId);
  const { days, amount } = req.body.vars || {};
  const text = eval('`' + (req.body.template || macro.template) + '`');
  res.json({ text });
});

module.exports = router;
