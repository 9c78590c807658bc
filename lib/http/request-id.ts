/** The header that carries a request's ID: from a reverse proxy in front, or made by the console's proxy. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTED = /^[A-Za-z0-9._:-]{8,64}$/;

/** The incoming ID when it is a plain token (a proxy's), else a new one: nothing else reaches the logs. */
export function requestIdFor(incoming: string | null): string {
  return incoming && ACCEPTED.test(incoming) ? incoming : crypto.randomUUID();
}
