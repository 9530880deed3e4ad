// The JavaScript twin of utils/panels/gpu.py (lesson 03's serverless panel), for the static course site:
// the same datasets, readout, takeaway and key as the Python compute, from the same closed forms of
// utils/models/gpu.py. tests/test_panels_gpu.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
import { fmt } from "./_format.js";

const RESERVED = "Reserved (always on)";
const SERVERLESS = "Serverless (pay per second)";
const KEY = "Reserved minus serverless (USD a month)";
const SECONDS_PER_HOUR = 3600; // utils.models.gpu.SECONDS_PER_HOUR

// utils.models._numeric.ceil_count: ceil(x) that ignores floating-point dust (0.1 * 30 is 3, not 4).
function ceil_count(x) {
  return Math.ceil(Math.round(x * 1e9) / 1e9);
}

// utils.models.gpu.reserved_gpus: ceil(PAR * D).
function reserved_gpus(avg_demand_gpus, peak_to_average) {
  return ceil_count(peak_to_average * avg_demand_gpus);
}

// utils.models.gpu.reserved_monthly_cost: P_r * H * ceil(PAR * D).
function reserved_monthly_cost(price_per_hour, avg_demand_gpus, peak_to_average, hours) {
  return price_per_hour * hours * reserved_gpus(avg_demand_gpus, peak_to_average);
}

// utils.models.gpu.serverless_monthly_cost: P_s * (H * D + k * t_c / 3600).
function serverless_monthly_cost(price_per_hour, avg_demand_gpus, cold_starts, cold_start_seconds, hours) {
  return price_per_hour * (hours * avg_demand_gpus + (cold_starts * cold_start_seconds) / SECONDS_PER_HOUR);
}

// utils.models.gpu.breakeven_demand (max_demand = 1): max(0, P_r / P_s - k * t_c / (3600 * H)) if it lies
// within the first step of the reserved staircase (min(1 / PAR, 1)), else null: serverless stays cheaper.
function breakeven_demand(reserved_price, serverless_price, peak_to_average, cold_starts, cold_start_seconds, hours) {
  const cold_hours = (cold_starts * cold_start_seconds) / SECONDS_PER_HOUR;
  const demand = Math.max(0, reserved_price / serverless_price - cold_hours / hours);
  return demand <= Math.min(1 / peak_to_average, 1) ? demand : null;
}

// numpy.linspace(start, stop, num): start + i * step, the last point exactly stop.
function linspace(start, stop, num) {
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : i * step + start));
}

// Python's round(): halves go to the even neighbor.
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// utils.panels.gpu.serverless_outcome. params: {hours_per_month, utilization_grid: [start, stop, num]}.
export function serverless_outcome(values, params) {
  const { serverless_price, reserved_price, utilization_percent, peak_to_average, cold_starts, cold_start_seconds } =
    values;
  const hours = params.hours_per_month;
  const grid = linspace(...params.utilization_grid);
  const curves = [
    ...grid.map((u) => ({
      utilization: u,
      option: RESERVED,
      cost: reserved_monthly_cost(reserved_price, u, peak_to_average, hours),
    })),
    ...grid.map((u) => ({
      utilization: u,
      option: SERVERLESS,
      cost: serverless_monthly_cost(serverless_price, u, cold_starts, cold_start_seconds, hours),
    })),
  ];
  const demand = utilization_percent / 100;
  const mine_reserved = reserved_monthly_cost(reserved_price, demand, peak_to_average, hours);
  const mine_serverless = serverless_monthly_cost(serverless_price, demand, cold_starts, cold_start_seconds, hours);
  const cold_cost = serverless_monthly_cost(serverless_price, 0, cold_starts, cold_start_seconds, hours);
  const workload = [
    { utilization: demand, option: RESERVED, cost: mine_reserved },
    { utilization: demand, option: SERVERLESS, cost: mine_serverless },
  ];
  const breakeven = breakeven_demand(
    reserved_price, serverless_price, peak_to_average, cold_starts, cold_start_seconds, hours,
  );
  const gpus = reserved_gpus(demand, peak_to_average);
  const peak = peak_to_average === 1 ? "the peak" : `a peak of ${fmt(peak_to_average * demand, ",.2f")} GPUs`;
  const saving = mine_reserved - mine_serverless;
  let takeaway;
  if (roundHalfEven(saving) > 0) {
    takeaway =
      `Serverless is cheaper by $${fmt(saving, ",.0f")} a month` +
      (breakeven === null
        ? " and stays cheaper all the way to 100% utilization."
        : `; reserving pays only above ${fmt(breakeven, ".1%")} utilization.`);
  } else if (roundHalfEven(saving) < 0) {
    const above = breakeven === null ? "the break-even" : `the break-even of ${fmt(breakeven, ".1%")}`;
    takeaway =
      `Reserving is cheaper by $${fmt(-saving, ",.0f")} a month: ` +
      `${fmt(utilization_percent, ".0f")}% is above ${above}.`;
  } else {
    takeaway = `The two cost the same, $${fmt(mine_reserved, ",.0f")} a month: this is the break-even.`;
  }
  return {
    datasets: { curves, workload, breakeven: breakeven === null ? [] : [{ utilization: breakeven }] },
    readout: [
      [RESERVED, `$${fmt(mine_reserved, ",.0f")} a month (${fmt(gpus, ".0f")} GPU${gpus !== 1 ? "s" : ""} for ${peak})`],
      [SERVERLESS, `$${fmt(mine_serverless, ",.0f")} a month (cold starts $${fmt(cold_cost, ",.0f")} of it)`],
      ["Break-even utilization, cold starts included", breakeven === null ? "none below 100%" : fmt(breakeven, ".1%")],
    ],
    takeaway,
    key: [KEY, saving],
  };
}
