/** The error body of every 4xx/5xx: `problems` points at each bad field when there is one. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  problems?: { path: string; message: string }[];
}
