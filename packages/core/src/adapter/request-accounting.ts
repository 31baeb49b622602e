import type { AdapterUsageV1 } from '../spec/platform-adapter/v1/platform-adapter-v1.js';

/** Counts requests, 429s and estimated cost per endpoint. One per instance, one per call. */
export class RequestTally {
  private readonly started: Record<string, number> = {};
  private readonly limited: Record<string, number> = {};
  private cost = 0;

  constructor(private readonly sinceIso: string) {}

  /** A request was started on `endpoint`. */
  countRequest(endpoint: string): void {
    this.started[endpoint] = (this.started[endpoint] ?? 0) + 1;
  }

  /** The platform answered 429 on `endpoint`. */
  countRateLimited(endpoint: string): void {
    this.limited[endpoint] = (this.limited[endpoint] ?? 0) + 1;
  }

  /** Add an estimated cost in US dollars. */
  addCost(usd: number): void {
    if (Number.isFinite(usd) && usd > 0) this.cost += usd;
  }

  requests(): Record<string, number> {
    return { ...this.started };
  }

  estimatedCostUsd(): number {
    // Cents are the unit anyone reads; avoid 0.30000000000000004 in reports.
    return Math.round(this.cost * 1e6) / 1e6;
  }

  /** A snapshot in the contract's shape. */
  usage(): AdapterUsageV1 {
    return { since: this.sinceIso, requests: this.requests(), rateLimited: { ...this.limited }, estimatedCostUsd: this.estimatedCostUsd() };
  }
}
