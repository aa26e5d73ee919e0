/** Reads a form-encoded body within its bound (api/http/body-limits.ts): the only way pages read a posted form. */
import { HTTPException } from 'hono/http-exception';
import { readBoundedBody } from '../../../api/http/body-limits.ts';

const URLENCODED = 'application/x-www-form-urlencoded';

/** True when the request says it carries a form-encoded body. */
export const isUrlencoded = (request: Request) => (request.headers.get('content-type') ?? '').toLowerCase().startsWith(URLENCODED);

/** The form, never more than `limit` bytes of it read; 415 for another content type, 413 past the bound. */
export async function readUrlencodedForm(request: Request, limit: number): Promise<FormData> {
  if (!isUrlencoded(request)) throw new HTTPException(415, { message: 'This form is sent as application/x-www-form-urlencoded.' });
  const body = await readBoundedBody(request, limit);
  const form = new FormData();
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) form.append(k, v);
  return form;
}
