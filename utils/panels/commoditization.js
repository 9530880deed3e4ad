// The JavaScript twin of utils/panels/commoditization.py (lesson 01's commoditization clock), for the static
// course site: the same datasets, readout, takeaway and key as the Python compute, from the same formulas
// (utils/models/commoditization.py), in the same order of operations, so the numbers agree to the last bit.
// tests/test_panels_commoditization.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
import { fmt } from "./_format.js";

const APPLICATION = "Application";
const INFRASTRUCTURE = "Infrastructure";
const NO_COPY = "Never copied";

// utils.models.cumulative_gross_profit: g_t = P (1 - e (1 - s) [t >= T]), h_t = h0 + h_x (1 - s) [t >= T],
// S_0 = 1, S_(t+1) = S_t (1 - h_t); the running sum of S_t g_t for t = 0 .. months - 1.
function cumulative_gross_profit(copy_months, switching_cost, { base_churn, extra_churn, price_erosion,
  monthly_profit, months }) {
  const blunted = 1 - switching_cost;
  const cumulative = [];
  let kept = 1;
  let sum = 0;
  for (let t = 0; t < months; t += 1) {
    const copied = t >= copy_months ? 1 : 0;
    const gross = monthly_profit * (1 - price_erosion * blunted * copied);
    const churn = base_churn + extra_churn * blunted * copied;
    sum += kept * gross;
    cumulative.push(sum);
    kept *= 1 - churn;
  }
  return cumulative;
}

// utils.models.first_difference_month: the first month whose cumulative profits differ by more than 1e-9.
function first_difference_month(first, second) {
  const month = first.findIndex((value, t) => !(Math.abs(value - second[t]) <= 1e-9));
  return month === -1 ? null : month;
}

// utils.models.share_lost_to_copy: 1 - cumulative / never_copied.
function share_lost_to_copy(cumulative, never_copied) {
  return 1 - cumulative / never_copied;
}

// utils.panels.commoditization._copied
function copied(copy_months, months) {
  return copy_months < months ? `copied after month ${fmt(copy_months, ".0f")}` : "not copied within 3 years";
}

// utils.panels.commoditization._separation
function separation(app, infra) {
  const month = first_difference_month(app, infra);
  if (month === null) return "never: the two products earn the same";
  const behind = app[month] < infra[month] ? "the app" : "infrastructure";
  const when = month === 0 ? "from the first month" : `after month ${month}`;
  return `${when}; ${behind} falls behind`;
}

// utils.panels.commoditization._takeaway
function takeaway(app_total, infra_total, never_total) {
  const lost =
    `the copy takes ${fmt(share_lost_to_copy(app_total, never_total), ".0%")} of the app's profit ` +
    `and ${fmt(share_lost_to_copy(infra_total, never_total), ".0%")} of infrastructure's`;
  if (Math.abs(app_total - infra_total) <= 1e-6) return `Both earn the same: ${lost}.`;
  if (infra_total > app_total) {
    const lead = app_total > 0
      ? `Infrastructure earns ${fmt(infra_total / app_total, ",.2f")} times as much as the app`
      : "Only infrastructure earns anything";
    return `${lead}: ${lost}.`;
  }
  const lead = infra_total > 0
    ? `The app earns ${fmt(app_total / infra_total, ",.2f")} times as much as infrastructure`
    : "Only the app earns anything";
  return `${lead}: ${lost}.`;
}

// utils.panels.commoditization.clock_outcome. params: {base_churn, monthly_profit, months, late_label_month}
// (the sourced monthly churn the panel is built with, CLOCK_MONTHLY_PROFIT, CLOCK_MONTHS, LATE_LABEL_MONTH).
export function clock_outcome(values, params) {
  const { app_copy_months, app_switching_cost, infra_copy_months, infra_switching_cost, extra_churn_percent,
    price_erosion_percent } = values;
  const { base_churn, monthly_profit, months, late_label_month } = params;
  const common = { base_churn, extra_churn: extra_churn_percent / 100, price_erosion: price_erosion_percent / 100,
    monthly_profit, months };
  const app = cumulative_gross_profit(app_copy_months, app_switching_cost, common);
  const infra = cumulative_gross_profit(infra_copy_months, infra_switching_cost, common);
  const never = cumulative_gross_profit(months, 1.0, common);
  const lines = [];
  for (const [product, series] of [[APPLICATION, app], [INFRASTRUCTURE, infra], [NO_COPY, never]]) {
    [0, ...series].forEach((profit, month) => lines.push({ month, product, profit }));
  }
  const copies = [
    [APPLICATION, app_copy_months, "app copied", 10],
    [INFRASTRUCTURE, infra_copy_months, "infra copied", 26],
  ]
    .filter(([, copy]) => copy < months)
    .map(([product, month, label, label_y]) => ({ month, product, label, label_y,
      side: month > late_label_month ? "left" : "right" }));
  const [app_total, infra_total, never_total] = [app.at(-1), infra.at(-1), never.at(-1)];
  return {
    datasets: { lines, copies },
    readout: [
      ["Application", `${fmt(app_total, ",.0f")} per customer, ${copied(app_copy_months, months)}`],
      ["Infrastructure", `${fmt(infra_total, ",.0f")} per customer, ${copied(infra_copy_months, months)}`],
      ["Gap, infra minus app", fmt(infra_total - app_total, "+,.0f")],
      ["Lines part", separation(app, infra)],
      ["Never copied", `${fmt(never_total, ",.0f")} per customer`],
    ],
    takeaway: takeaway(app_total, infra_total, never_total),
    key: ["Gap over 3 years (infrastructure minus application, per customer)", infra_total - app_total],
  };
}
