const express = require('express');
const multer = require('multer');
const path = require('path');
const router = express.Router();

// expect: G3.D3
const docUpload = multer({ dest: 'uploads/documents/' });

// ok: G3.D3
const photoUpload = multer({
  dest: 'uploads/photos/',
  limits: { fileSize: 3 * 1024 * 1024 },
  fileFilter: (req, file, cb) => cb(null, ['image/jpeg', 'image/png', 'image/webp'].includes(file.mimetype)),
});

router.post('/waiver', docUpload.single('waiver'), (req, res) => res.json({ path: req.file.path }));
router.post('/progress-photo', photoUpload.single('photo'), (req, res) => res.json({ file: path.basename(req.file.path) }));

module.exports = router;
