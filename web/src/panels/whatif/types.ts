/**
 * The answer of `POST /api/analyses/net/what-if` (crates/analyses, net):
 * per demand the route before and after the cut, its latency change, and
 * the max-flow lost.
 */
export interface RouteDoc {
  latency_us: number;
  nodes: string[];
  links: string[];
}

export interface DemandOutcome {
  source: string;
  target: string;
  gbps: number;
  rerouted: boolean;
  lost: boolean;
  before: RouteDoc | null;
  after: RouteDoc | null;
  latency_change_us: number | null;
  max_flow_before_gbps: number;
  max_flow_after_gbps: number;
  lost_capacity_gbps: number;
  unserved_gbps: number;
}

export interface WhatIfAnswer {
  cut: string[];
  cut_capacity_gbps: number;
  rerouted: number;
  lost: number;
  demands: DemandOutcome[];
}
