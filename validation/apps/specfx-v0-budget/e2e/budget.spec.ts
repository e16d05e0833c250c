import { expect, test } from '@playwright/test'

test('adds an expense', async ({ page }) => {
  await page.goto('/')
  await page.getByPlaceholder('Description').fill('Coffee')
  await page.getByPlaceholder('Amount').fill('4.5')
  await page.getByRole('button', { name: 'Add expense' }).click()
  await expect(page.getByText('Coffee')).toBeVisible()
})
