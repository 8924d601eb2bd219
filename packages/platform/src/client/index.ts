export {
  CircuitBreaker,
  type BreakerState,
  type CircuitBreakerOptions,
} from './circuit-breaker.js';
export { backoffDelay, isIdempotentMethod, type BackoffOptions } from './retry-policy.js';
export type { ParseSchema, ServiceResponse, UpstreamError } from './response.js';
export {
  ServiceClient,
  type CallOptions,
  type HttpMethod,
  type ServiceClientOptions,
} from './service-client.js';
