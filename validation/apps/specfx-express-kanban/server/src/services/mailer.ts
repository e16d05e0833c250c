import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport(process.env.SMTP_URL);

export async function sendAssignmentEmail(to: string, cardTitle: string, boardName: string) {
  await transport.sendMail({
    // expect: G1.D2
    from: process.env.MAIL_FROM ?? 'Kanban <noreply@example.com>',
    to,
    subject: `You were assigned "${cardTitle}"`,
    text: `You were assigned the card "${cardTitle}" on the board ${boardName}.`,
  });
}
