import { describe, expect, it } from 'vitest'
import { formatMoney } from './categories'

describe('formatMoney', () => {
  it('formats dollars', () => expect(formatMoney(12.5)).toBe('$12.50'))
})
