/** What both demo pages share: the element lookup and the pretend portal's backend (demo/backend.ts). */
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface DemoUser {
  id: string;
  displayName: string;
}

/** Calls the demo backend (or the sandbox admin API) and returns `data`, throwing its error message. */
export async function demoApi<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { headers: { 'Content-Type': 'application/json' }, ...init });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
  return body.data as T;
}
