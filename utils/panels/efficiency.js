// The JavaScript twin of utils/panels/efficiency.py (lesson 09, mixture of experts against dense), for the static
// course site: the same datasets, readout, takeaway and key as efficiency_outcome, from the same formulas
// (utils/models/serving.py, retention.py, gpu.py) in the same order of operations, so the numbers agree to the
// last bit. tests/test_panels_efficiency.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
import { fmt } from "./_format.js";

const FLOPS_PER_PARAM_PER_TOKEN = 2.0; // utils.models.serving
const BYTES_PER_GB = 1e9;

// numpy.rint: to the nearest integer, ties to even.
function rint(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

// numpy.round(x, decimals): x * 10**decimals, rint, divided back.
function round(x, decimals) {
  const f = 10 ** decimals;
  return rint(x * f) / f;
}

// utils.models._numeric.ceil_count: ceil(x) that ignores floating-point dust.
function ceil_count(x) {
  return Math.ceil(round(x, 9));
}

// utils.models.seconds_per_million_tokens: 2 * N_active * 1e6 / (F * MFU).
function seconds_per_million_tokens(active_params, peak_flops, mfu) {
  return (FLOPS_PER_PARAM_PER_TOKEN * active_params * 1e6) / (peak_flops * mfu);
}

// utils.models.gpus_to_hold_weights: ceil(N_total * bytes / memory).
function gpus_to_hold_weights(total_params, bytes_per_param, gpu_memory_gb) {
  return ceil_count((total_params * bytes_per_param) / (gpu_memory_gb * BYTES_PER_GB));
}

// utils.models.cost_per_million_tokens: GPU-seconds / 3600 * price per GPU-hour.
function cost_per_million_tokens(active_params, peak_flops, mfu, gpu_price_per_hour) {
  return (seconds_per_million_tokens(active_params, peak_flops, mfu) / 3600) * gpu_price_per_hour;
}

// utils.models.users_at_capacity: floor(G * H * 3600 / (s * T)).
function users_at_capacity(n_gpus, active_params, peak_flops, mfu, tokens_millions, hours) {
  const seconds_per_user = seconds_per_million_tokens(active_params, peak_flops, mfu) * tokens_millions;
  return Math.floor(round((n_gpus * hours * 3600) / seconds_per_user, 9));
}

// utils.models.breakeven_mfu: 2 * N * 1e6 * T * P / (3600 * F * ARPU).
function breakeven_mfu(arpu, tokens_millions, active_params, peak_flops, gpu_price_per_hour) {
  return (
    (FLOPS_PER_PARAM_PER_TOKEN * active_params * 1e6 * tokens_millions * gpu_price_per_hour) /
    (3600 * peak_flops * arpu)
  );
}

// utils.models.app_gross_margin (no other cost): 1 - (tokens * price + 0) / ARPU.
function app_gross_margin(arpu, tokens_millions, price_per_million) {
  return 1 - (tokens_millions * price_per_million + 0.0) / arpu;
}

// utils.models.reserved_monthly_cost for a whole number of GPUs: P * H * ceil(1 * GPUs).
function reserved_monthly_cost(price_per_hour, gpus, hours) {
  return price_per_hour * hours * ceil_count(1.0 * gpus);
}

// utils.models.users_to_cover (margin 1): ceil(fixed / (ARPU * 1)).
function users_to_cover(fixed_monthly_cost, arpu) {
  return ceil_count(fixed_monthly_cost / (arpu * 1.0));
}

// utils.panels.efficiency._usd: cents, and three significant figures below a dollar.
function usd(amount) {
  const sign = amount < 0 ? "-" : "";
  const size = Math.abs(amount);
  const decimals = size >= 1 || size === 0 ? 2 : 2 - Math.floor(Math.log10(size));
  return `${sign}$${fmt(size, `,.${decimals}f`)}`;
}

// utils.panels.efficiency._per_user
function per_user(arpu, margin) {
  return `${usd(arpu * margin)} (${fmt(margin, ",.1%")})`;
}

// utils.panels.efficiency._takeaway
function takeaway(low_arpu, arpu_ratio, moe, dense, dense_mfu) {
  const where = `At ${usd(low_arpu)} a month (${fmt(arpu_ratio, ".0%")} of US ARPU)`;
  let mfu;
  if (dense_mfu > 1) mfu = "no MFU a GPU can reach would pay for the dense model's compute";
  else if (dense >= 0) mfu = `dense loses money below ${fmt(dense_mfu, ".0%")} MFU`;
  else mfu = `dense needs ${fmt(dense_mfu, ".0%")} MFU to break even`;
  if (moe < 0) return `${where} compute costs more than the revenue for both models; ${mfu}.`;
  const dense_part =
    dense >= 0 ? `the dense model ${fmt(dense, ",.0%")}` : `costs the dense model ${fmt(1 - dense, ",.0%")} of it`;
  const joint = dense >= 0 ? "," : " but";
  return `${where} compute leaves the MoE ${fmt(moe, ",.0%")} of revenue${joint} ${dense_part}; ${mfu}.`;
}

// utils.panels.efficiency.efficiency_outcome. params: {arpu_ratio, peak_flops, bytes_per_param, gpu_memory_gb}
// (the panel's fixed inputs), {arpu_grid, hours_per_month, moe, dense, key} (the module's constants).
export function efficiency_outcome(
  { us_arpu, tokens_millions, active_billions, total_billions, gpu_price, mfu_percent },
  params,
) {
  const { arpu_ratio, peak_flops, bytes_per_param, gpu_memory_gb, arpu_grid, hours_per_month, moe, dense, key } =
    params;
  const serving = [moe, dense];
  const parameters = { [moe]: Math.min(active_billions, total_billions) * 1e9, [dense]: total_billions * 1e9 };
  const mfu = mfu_percent / 100;
  const cost = {};
  for (const s of serving) cost[s] = cost_per_million_tokens(parameters[s], peak_flops, mfu, gpu_price);
  const margin = (arpu, s) => app_gross_margin(arpu, tokens_millions, cost[s]);

  const low_arpu = us_arpu * arpu_ratio;
  const levels = [
    { arpu: us_arpu, level: `US-level: $${fmt(us_arpu, ",.0f")}` },
    { arpu: low_arpu, level: `${fmt(arpu_ratio, ".0%")} of it: $${fmt(low_arpu, ",.2f")}` },
  ];
  const curves = serving.flatMap((s) => arpu_grid.map((arpu) => ({ arpu, serving: s, margin: margin(arpu, s) })));
  const points = serving.flatMap((s) => levels.map(({ arpu }) => ({ arpu, serving: s, margin: margin(arpu, s) })));
  const both = (arpu) => `MoE ${per_user(arpu, margin(arpu, moe))}, dense ${per_user(arpu, margin(arpu, dense))}`;

  const gpus = gpus_to_hold_weights(parameters[dense], bytes_per_param, gpu_memory_gb);
  const floor = reserved_monthly_cost(gpu_price, gpus, hours_per_month); // every hour of the month, busy or not
  const capacity = {};
  for (const s of serving) {
    capacity[s] = users_at_capacity(gpus, parameters[s], peak_flops, mfu, tokens_millions, hours_per_month);
  }
  const capped = active_billions > total_billions ? " (active capped at total)" : "";
  const dense_low = margin(low_arpu, dense);
  const dense_mfu = breakeven_mfu(low_arpu, tokens_millions, parameters[dense], peak_flops, gpu_price);
  return {
    datasets: { curves, levels, points },
    readout: [
      [
        "Compute per million tokens",
        `MoE ${usd(cost[moe])}, dense ${usd(cost[dense])} (${fmt(cost[dense] / cost[moe], ",.1f")} times)${capped}`,
      ],
      [`Margin per user at $${fmt(low_arpu, ",.2f")}`, both(low_arpu)],
      [
        "Kept online all month",
        `${fmt(gpus, ".0f")} GPU${gpus === 1 ? "" : "s"} x ${fmt(hours_per_month, ".0f")} h x ${usd(gpu_price)} = ` +
          `$${fmt(floor, ",.0f")} a month`,
      ],
      [
        "Users to cover it, no other costs",
        `${fmt(users_to_cover(floor, us_arpu), ",.0f")} at $${fmt(us_arpu, ",.0f")}, ` +
          `${fmt(users_to_cover(floor, low_arpu), ",.0f")} at $${fmt(low_arpu, ",.2f")}`,
      ],
      [
        "Most users one copy serves",
        `MoE ${fmt(capacity[moe], ",.0f")}, dense ${fmt(capacity[dense], ",.0f")} (FLOP bound)`,
      ],
    ],
    takeaway: takeaway(low_arpu, arpu_ratio, margin(low_arpu, moe), dense_low, dense_mfu),
    key: [key, 100 * dense_low],
  };
}
