import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth';

const handler = NextAuth(authOptions);
// ok: G4.D4
export { handler as GET, handler as POST };
