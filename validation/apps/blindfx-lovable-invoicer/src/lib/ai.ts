// Generates a friendly reminder email body for an overdue invoice
export async function draftReminder(clientName: string, amount: number) {
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      // expect: G4.P1
      Authorization: `Bearer ${import.meta.env.VITE_OPENAI_API_KEY}`,
    },
    body: JSON.stringify({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: `Write a polite reminder to ${clientName} about an overdue invoice of $${amount}.` }],
    }),
  });
  const data = await res.json();
  return data.choices[0].message.content as string;
}
