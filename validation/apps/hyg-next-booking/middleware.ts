import { NextResponse, type NextRequest } from "next/server";

export function middleware(req: NextRequest) {
  // Local development has no session cookie domain; skip the redirect there.
  // ok: G7.D2
  if (req.nextUrl.hostname === "localhost") return NextResponse.next();
  if (!req.cookies.get("session") && req.nextUrl.pathname.startsWith("/book")) {
    return NextResponse.redirect(new URL("/login", req.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ["/book/:path*"] };
