import type { Route } from 'next';

/** Pages are addressed by the API's global ids, which are URL-safe already; encoded to be sure. */
export const planHref = (id: string) => `/plans/${encodeURIComponent(id)}` as Route;
export const planEditHref = (id: string) => `/plans/${encodeURIComponent(id)}/edit` as Route;
export const situationHref = (id: string) => `/situations/${encodeURIComponent(id)}` as Route;
