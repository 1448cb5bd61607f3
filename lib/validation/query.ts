import { z } from 'zod';
import { cleanSingleLine, stripControlCharacters } from './text';

/**
 * The one set of query-string helpers every list and search page's filter schema is built from (safe in
 * the browser). A page reads its URL leniently: an unknown, repeated or malformed value is ignored,
 * never an error, and control characters never reach the database (Postgres refuses NUL).
 */

/**
 * The longest keyset cursor the portal makes: a name of 200 characters of four UTF-8 bytes each with a
 * uuid and "before" is 862 bytes of JSON, 1,150 in base64url (lib/dal/pagination.ts; checked by a test).
 */
export const CURSOR_MAX_LENGTH = 1200;

/** `?a=1&a=2` arrives as a list: the first one counts. Text loses its control characters. */
function queryValue(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? stripControlCharacters(first) : first;
}

/** Any schema, read leniently: a value it refuses is no value. */
export const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(queryValue, schema.optional()).catch(undefined);

/** What people typed into a search box: one clean line (at most `max` characters), or nothing. */
export const searchText = (max: number) =>
  lenient(
    z
      .string()
      .overwrite(cleanSingleLine)
      .max(max)
      .transform((v) => v || undefined),
  );

/** An opaque keyset cursor (base64url); lib/dal/pagination.ts decodes and checks what is inside. */
export const cursor = lenient(
  z
    .string()
    .max(CURSOR_MAX_LENGTH)
    .regex(/^[A-Za-z0-9_-]+$/),
);

/** One of a fixed list of values. */
export const choice = <T extends readonly [string, ...string[]]>(values: T) => lenient(z.enum(values));

/** A page number from 1. */
export const page = lenient(z.coerce.number().int().min(1).max(100_000));

/** A row's id. */
export const uuid = lenient(z.uuid());

/** A calendar day, YYYY-MM-DD. */
export const day = lenient(z.iso.date());
