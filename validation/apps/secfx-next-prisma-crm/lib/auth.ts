import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import bcrypt from 'bcryptjs';
import { prisma } from './prisma';
import { authLimiter } from './ratelimit';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt' },
  providers: [
    CredentialsProvider({
      name: 'Email',
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const ip = (req?.headers?.['x-forwarded-for'] as string) ?? 'anon';
        const { success } = await authLimiter.limit(`login:${ip}`);
        if (!success) throw new Error('Too many attempts');
        const user = await prisma.user.findUnique({ where: { email: credentials!.email } });
        // ok: G4.D6
        if (!user || !(await bcrypt.compare(credentials!.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
};
