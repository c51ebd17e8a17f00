// Talks to the monitor's own JSON API, on the page's origin only. The key lives in this tab's session storage.
const KEY = 'responsemonitor.key';

export class Unauthorized extends Error {}
export class Unreachable extends Error {}

export function getKey() { return sessionStorage.getItem(KEY); }
export function setKey(key) { sessionStorage.setItem(KEY, key); }
export function clearKey() { sessionStorage.removeItem(KEY); }

// Problem details carry a 'detail' that says what was wrong; show that, not a status code.
async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `${response.status}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      // Standalone reads x-api-key; in Azure the Functions host reads the function key from x-functions-key.
      headers: { 'x-api-key': getKey() || '', 'x-functions-key': getKey() || '', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      // Always ask the server, with the ETag the browser holds: a read the server still has answers 304 (no body).
      cache: 'no-cache',
      credentials: 'omit',
    });
  } catch (error) {
    throw new Unreachable(error.message);
  }
  if (response.status === 401) throw new Unauthorized(await problem(response));
  if (response.status === 502 || response.status === 503 || response.status === 504) throw new Unreachable(await problem(response));
  if (response.status === 204) return null;
  if (!response.ok) {
    const error = new Error(await problem(response));
    error.status = response.status;
    throw error;
  }
  return response.json();
}
