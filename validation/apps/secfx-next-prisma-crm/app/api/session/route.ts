import { NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { SignJWT, jwtVerify, decodeJwt } from 'jose';

const secret = new TextEncoder().encode(process.env.PORTAL_JWT_SECRET);

// Client-portal magic links: the partner app posts a signed token, we open a portal session.
export async function POST(req: Request) {
  const { token } = await req.json();
  // ok: G4.D5
  const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
  // ok: G4.D5
  const portal = await new SignJWT({ sub: payload.sub, scope: 'portal' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);
  // ok: G4.D8
  cookies().set('portal_session', portal, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  return NextResponse.json({ ok: true });
}

export async function GET() {
  const raw = cookies().get('portal_session')?.value;
  if (!raw) return NextResponse.json({ user: null });
  // expect: G4.D5
  const claims = decodeJwt(raw);
  return NextResponse.json({ user: claims.sub, scope: claims.scope });
}

export async function PUT(req: Request) {
  const { sub } = await req.json();
  // expect: G4.D5
  const preview = await new SignJWT({ sub, scope: 'preview' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
  // expect: G4.D8
  cookies().set('preview_token', preview, { path: '/' });
  return NextResponse.json({ ok: true });
}
