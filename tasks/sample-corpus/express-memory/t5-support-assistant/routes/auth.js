const express = require('express');
const jwt = require('jsonwebtoken');
const md5 = require('md5');
const { agents } = require('../store');

const router = express.Router();
const SECRET = 'secret';

router.post('/login', (req, res) => {
  const { email, password } = req.body;
  const agent = agents.find((a) => a.email === email && a.password === md5(password));
  if (!agent) return res.status(401).json({ error: 'Wrong email or password' });
  const token = jwt.sign({ id: agent.id, role: agent.role, name: agent.name }, SECRET);
  res.json({ token, agent });
});

router.post('/signup', (req, res) => {
  const { name, email, password, role } = req.body;
  const agent = { id: agents.length + 1, name, email, password: md5(password), role: role || 'agent' };
  agents.push(agent);
  res.json({ token: jwt.sign({ id: agent.id, role: agent.role, name }, SECRET), agent });
});

router.get('/agents', requireAuth, (req, res) => res.json(agents));

// update agent (name / role)
router.put('/agents/:id', requireAuth, (req, res) => {
  const agent = agents.find((a) => a.id == req.params.id);
  if (!agent) return res.status(404).json({ error: 'not found' });
  Object.assign(agent, req.body);
  res.json(agent);
});

function requireAuth(req, res, next) {
  try {
    req.agent = jwt.verify((req.headers.authorization || '').replace('Bearer ', ''), SECRET);
    next();
  } catch (err) {
    res.status(401).json({ error: 'Please log in' });
  }
}

module.exports = router;
module.exports.requireAuth = requireAuth;
