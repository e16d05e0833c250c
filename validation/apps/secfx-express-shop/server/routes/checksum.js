const crypto = require('crypto');

// ok: G4.D6
const etag = (body) => crypto.createHash('md5').update(JSON.stringify(body)).digest('hex');

module.exports = { etag };
