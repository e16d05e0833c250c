import { Router } from 'express'
import { db } from '../db.js'
import { validateTask } from '../lib/validate.js'

export const tasksRouter = Router()

const EDITABLE = ['title', 'notes', 'status', 'priority', 'due_date']
const PRIORITY_ORDER = db.raw("case priority when 'high' then 0 when 'medium' then 1 else 2 end")

const pick = (body) => Object.fromEntries(EDITABLE.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]))

const owned = (req) => db('tasks').where({ owner_id: req.session.userId })

tasksRouter.get('/', async (req, res, next) => {
  try {
    res.json(await owned(req).orderBy('status').orderByRaw(PRIORITY_ORDER).orderBy('due_date', 'asc'))
  } catch (error) {
    next(error)
  }
})

tasksRouter.post('/', async (req, res, next) => {
  const problems = validateTask(req.body)
  if (problems.length > 0) return res.status(400).json({ errors: problems })
  try {
    const [task] = await db('tasks')
      .insert({ owner_id: req.session.userId, ...pick(req.body), title: req.body.title.trim() })
      .returning('*')
    res.status(201).json(task)
  } catch (error) {
    next(error)
  }
})

tasksRouter.patch('/:id', async (req, res, next) => {
  const problems = validateTask(req.body, { partial: true })
  if (problems.length > 0) return res.status(400).json({ errors: problems })
  try {
    const [task] = await owned(req).andWhere({ id: req.params.id }).update({ ...pick(req.body), updated_at: db.fn.now() }).returning('*')
    return task ? res.json(task) : res.status(404).json({ error: 'Task not found' })
  } catch (error) {
    next(error)
  }
})

tasksRouter.delete('/:id', async (req, res, next) => {
  try {
    const removed = await owned(req).andWhere({ id: req.params.id }).del()
    return removed ? res.sendStatus(204) : res.status(404).json({ error: 'Task not found' })
  } catch (error) {
    next(error)
  }
})
