// Daytona builds every error with one global NestJS filter, so every error
// body has the same five fields (api-facts §1.3).
import type { SimRequest, SimResponse } from './route.js';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export interface DaytonaErrorBody {
  path: string;
  timestamp: string;
  statusCode: number;
  error: string;
  message: string;
}

export function daytonaError(req: SimRequest, status: number, message: string): SimResponse {
  const body: DaytonaErrorBody = {
    path: req.path,
    timestamp: new Date().toISOString(),
    statusCode: status,
    error: REASONS[status] ?? 'Error',
    message,
  };
  return { status, body };
}

/** What NestJS answers for a method + path it has no controller for. */
export function daytonaRouteNotFound(req: SimRequest): SimResponse {
  return daytonaError(req, 404, `Cannot ${req.method} ${req.path}`);
}
