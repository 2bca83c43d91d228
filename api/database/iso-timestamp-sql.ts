/**
 * A timestamptz expression as the API writes times: ISO 8601 in UTC with milliseconds (`2026-11-24T08:00:00.000Z`).
 * Raw queries hand timestamps back as PostgreSQL's text, which is not the JSON format the API documents.
 */
export const isoTimestampSql = (expression: string) => `to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
