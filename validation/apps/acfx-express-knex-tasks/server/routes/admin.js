const express = require('express');
const db = require('../db');
const { requireAuth, requireAdmin } = require('../middleware/auth');

const router = express.Router();

// ok: G4.P2
router.delete('/users/:id', requireAuth, requireAdmin, async (req, res) => {
  await db('users').where({ id: req.params.id }).del();
  res.status(204).end();
});

module.exports = router;
