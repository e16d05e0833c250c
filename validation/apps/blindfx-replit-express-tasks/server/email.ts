import sgMail from "@sendgrid/mail";

// expect: G4.P1
sgMail.setApiKey("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");

export async function sendDueReminder(to: string, title: string) {
  await sgMail.send({ to, from: "reminders@taskflow.app", subject: `Due soon: ${title}`, text: `Your task "${title}" is due tomorrow.` });
}
