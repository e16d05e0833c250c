import OpenAI from 'openai'

// expect: G4.P1
const openai = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true })

export const labels = {
  // ok: G4.P1
  passwordHint: 'Use at least twelve characters and a number',
  // ok: G4.P1
  tokenExpired: 'Your session has expired, please sign in again',
}

export async function draft(prompt: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] })
}
