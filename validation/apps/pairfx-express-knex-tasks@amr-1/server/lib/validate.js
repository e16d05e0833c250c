export const STATUSES = Object.freeze(['todo', 'doing', 'done'])
export const PRIORITIES = Object.freeze(['low', 'medium', 'high'])

const isBlank = (v) => typeof v !== 'string' || v.trim() === ''

export function validateTask(input, { partial = false } = {}) {
  const problems = []
  if (!partial || input.title !== undefined) {
    if (isBlank(input.title)) problems.push('title is required')
    else if (input.title.length > 200) problems.push('title is too long')
  }
  if (input.status !== undefined && !STATUSES.includes(input.status)) problems.push('status is invalid')
  if (input.priority !== undefined && !PRIORITIES.includes(input.priority)) problems.push('priority is invalid')
  if (input.due_date != null && Number.isNaN(Date.parse(input.due_date))) problems.push('due_date must be a date')
  return problems
}

export function validateCredentials({ email = '', password = '' }) {
  const problems = []
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) problems.push('email is invalid')
  if (password.length < 8) problems.push('password must have at least 8 characters')
  return problems
}
