function requireLogin(req, res, next) {
  if (!req.session || !req.session.user) return res.status(401).json({ error: "Please sign in" });
  next();
}

function requireRole(...roles) {
  return (req, res, next) => {
    if (!req.session.user || !roles.includes(req.session.user.role)) {
      return res.status(403).json({ error: "Forbidden" });
    }
    next();
  };
}

module.exports = { requireLogin, requireRole };
