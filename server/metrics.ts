/** The server's Prometheus metrics (prom-client), one registry per server so tests can run several. */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  verifications: Counter<'verdict' | 'format' | 'route'>;
  duration: Histogram<'format' | 'route'>;
  cache: Counter<'store' | 'result'>;
  outbound: Counter<'origin' | 'outcome'>;
  rejected: Counter<'code'>;
}

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'credlens_' });
  return {
    registry,
    verifications: new Counter({
      name: 'credlens_verifications_total',
      help: 'Credentials verified, by verdict and format',
      labelNames: ['verdict', 'format', 'route'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'credlens_verification_duration_seconds',
      help: 'Time to verify one credential (input read to report), by format',
      labelNames: ['format', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cache: new Counter({
      name: 'credlens_cache_requests_total',
      help: 'Shared HTTP cache lookups: store (http = the cache as a whole, memory, redis) and result',
      labelNames: ['store', 'result'],
      registers: [registry],
    }),
    outbound: new Counter({
      name: 'credlens_outbound_fetches_total',
      help: 'Requests sent to issuers (cache misses and revalidations), by origin and outcome',
      labelNames: ['origin', 'outcome'],
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'credlens_rejected_requests_total',
      help: 'Requests refused with a 4xx or 5xx, by error code',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}
