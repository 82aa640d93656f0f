/** The error body of every 4xx/5xx: `problems` points at each bad field when there is one. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  problems?: { path: string; message: string }[];
  /** Fastify's error code, when the HTTP server refused the request before the api saw it (e.g. FST_ERR_CTP_BODY_TOO_LARGE). */
  code?: string;
  /** The OAuth 2.0 error description, where an identity provider reads the refusal (back-channel logout: `error` is then `invalid_request`). */
  error_description?: string;
}
