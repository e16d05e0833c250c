// ok: G1.D2
import { faker } from '@faker-js/faker';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main() {
  await prisma.ticket.create({
    data: {
      subject: 'Cannot reset my password',
      body: 'The reset link says it expired.',
      // ok: G1.D2
      customerEmail: 'jane.doe@example.com',
      priority: 'urgent',
    },
  });
  for (let i = 0; i < 40; i++) {
    await prisma.ticket.create({
      data: {
        subject: faker.lorem.sentence(),
        body: faker.lorem.paragraphs(2),
        customerEmail: faker.internet.email(),
        priority: faker.helpers.arrayElement(['low', 'normal', 'urgent']),
      },
    });
  }
}

main().finally(() => prisma.$disconnect());
