import type { Request, Response } from 'express';
import type { HttpExchange } from '../context';

/** Reads one cookie from the Cookie header. */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** The bearer token of an Authorization header, or null; a malformed header is treated as a wrong token. */
export function readBearer(req: Request): string | null | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
  return match ? match[1] : null;
}

export function httpExchange(req: Request, res: Response, options: { secureCookies: boolean }): HttpExchange {
  const secure = options.secureCookies || req.secure;
  return {
    ipAddress: req.ip ?? req.socket.remoteAddress ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    secure,
    setCookie(name, value, { maxAgeSeconds }) {
      res.cookie(name, value, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: maxAgeSeconds * 1000,
      });
    },
    clearCookie(name) {
      res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    },
    setHeader(name, value) {
      if (!res.headersSent) res.setHeader(name, value);
    },
  };
}
