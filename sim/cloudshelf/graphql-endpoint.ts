import type { FastifyReply, FastifyRequest } from 'fastify';
import { execute, getOperationAST, GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { parseRequestParams } from 'graphql-http/lib/use/fastify';

/**
 * GraphQL over HTTP for one schema. graphql-http parses the request (GET/POST, content types,
 * malformed bodies); parsing, validation and execution use this package's own `graphql`.
 *
 * Why not graphql-http's createHandler: under vitest the sandbox's `import 'graphql'` resolves to
 * graphql's ESM build while graphql-http (loaded by Node) gets the CommonJS build, and graphql-js
 * refuses a schema from "another module or realm". Keeping every graphql object on one side avoids
 * that hazard in every runner (vitest, tsx, node).
 */

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
const JSON_UTF8 = 'application/json; charset=utf-8';

function wantsGraphqlResponseJson(accept: string | undefined): boolean {
  return (accept ?? '').toLowerCase().split(',').some((part) => part.trim().startsWith('application/graphql-response+json'));
}

function toGraphqlError(error: unknown): GraphQLError {
  return error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error));
}

export function createGraphqlEndpoint(schema: GraphQLSchema, rootValue: unknown) {
  return async function graphqlEndpoint(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const modern = wantsGraphqlResponseJson(request.headers.accept);
    const send = (status: number, body: unknown) => {
      void reply.code(status).header('content-type', modern ? GRAPHQL_RESPONSE_JSON : JSON_UTF8).send(JSON.stringify(body));
    };
    // Errors before execution: 200 with application/json, 400 with graphql-response+json (GraphQL over HTTP).
    const requestErrors = (errors: readonly GraphQLError[]) => send(modern ? 400 : 200, { errors });

    let params: Awaited<ReturnType<typeof parseRequestParams>>;
    try {
      params = await parseRequestParams(request, reply);
    } catch (error) {
      return send(400, { errors: [{ message: toGraphqlError(error).message }] });
    }
    if (!params) return; // graphql-http already answered (405, 415, ...)

    let document: DocumentNode;
    try {
      document = parse(params.query);
    } catch (error) {
      return requestErrors([toGraphqlError(error)]);
    }
    const validationErrors = validate(schema, document);
    if (validationErrors.length > 0) return requestErrors(validationErrors);
    const operation = getOperationAST(document, params.operationName);
    if (!operation) return requestErrors([new GraphQLError('Unable to detect the operation to run (check operationName)')]);
    if (operation.operation === 'subscription') return requestErrors([new GraphQLError('Subscriptions are not supported')]);
    if (operation.operation === 'mutation' && request.method === 'GET') {
      void reply.header('allow', 'POST');
      return send(405, { errors: [{ message: 'Cannot perform mutations over GET' }] });
    }

    const result = await execute({
      schema,
      document,
      rootValue,
      variableValues: params.variables,
      operationName: params.operationName,
    });
    send(200, result);
  };
}
