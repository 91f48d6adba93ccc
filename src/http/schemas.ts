import { Type } from '@sinclair/typebox';

// Shared request and response pieces for route schemas.
export const ErrorBody = Type.Object(
  { error: Type.Object({ code: Type.String(), message: Type.String() }) },
  { $id: 'ErrorBody', description: 'Every error: a stable code and a message in the caller\'s language.' },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 256 });
export const Locale = Type.Union([Type.Literal('ja'), Type.Literal('en')]);
export const Timestamp = Type.String({ description: 'ISO-8601 UTC' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const errorResponses = {
  400: Type.Ref('ErrorBody'),
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  404: Type.Ref('ErrorBody'),
  409: Type.Ref('ErrorBody'),
  429: Type.Ref('ErrorBody'),
};

export function withErrors<T extends Record<number, unknown>>(ok: T) {
  return { ...ok, ...errorResponses };
}

/** A response whose shape the route's own types give (not validated on the way out). */
export const AnyObject = Type.Object({}, { additionalProperties: true });

export const NoContent = { 204: Type.Null() };
export const Gone = { 410: Type.Ref('ErrorBody') };
