/** A minimal GraphQL-over-HTTP caller for tests and scripts that drive the sandbox directly. */

export interface GraphqlHttpResult<T> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
}

export async function postGraphql<T>(
  url: string,
  apiKey: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphqlHttpResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey !== null) headers.authorization = `token ${apiKey}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  // The caller states the shape it asked for; the sandbox answers per the schema.
  const body = (text === '' ? {} : JSON.parse(text)) as { data?: T | null; errors?: GraphqlHttpResult<T>['errors'] };
  return { status: response.status, data: body.data, errors: body.errors };
}
