import type { z } from 'zod';

/** An error the sandbox answers as `{"message": ...}` with the given status. */
export class ApiError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);
export const unprocessable = (message: string): ApiError => new ApiError(422, message);

/** Every zod issue as `path.to.field: message`, so a 422 names the field at fault. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

/** Parse with zod or throw a 422 naming the fields at fault. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw unprocessable(describeZodError(result.error));
  return result.data;
}
