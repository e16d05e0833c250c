const STATUSES = ['todo', 'doing', 'done'];

function validateTask(body) {
  const errors = [];
  if (typeof body.title !== 'string' || body.title.trim().length === 0) errors.push('title is required');
  if (body.title && body.title.length > 200) errors.push('title is too long');
  if (body.status !== undefined && !STATUSES.includes(body.status)) errors.push('status is invalid');
  if (body.due_date !== undefined && body.due_date !== null && Number.isNaN(Date.parse(body.due_date))) {
    errors.push('due_date must be a date');
  }
  return errors;
}

function validateCredentials(body) {
  const errors = [];
  if (!/^[^@\s]+@[^@\s]+$/.test(body.email || '')) errors.push('email is invalid');
  if ((body.password || '').length < 8) errors.push('password must have at least 8 characters');
  return errors;
}

module.exports = { STATUSES, validateTask, validateCredentials };
