const express = require('express');
const { feedback } = require('../data/store');

const router = express.Router();

router.get('/', (req, res) => res.json(feedback));

module.exports = router;
