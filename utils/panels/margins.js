// The JavaScript twins of utils/panels/margins.py (lesson 05), for the static course site: the same
// datasets, readout, takeaway and key as each Python compute, from the same formulas (utils.models).
// tests/test_panels_margins.py holds each to Python (tests/panel_checks.py: assert_twin_matches).
import { fmt } from "./_format.js";

// --- utils.models (retention), the formulas the panels draw --------------------------------------

// utils.models.nrr_revenue: R_t = R_0 * NRR ** t.
function nrr_revenue(initial_revenue, nrr, years) {
  return initial_revenue * nrr ** years;
}

// utils.models.lifetime_value: LTV = ARPU * margin / churn.
function lifetime_value(arpu, gross_margin, churn) {
  return (arpu * gross_margin) / churn;
}

// utils.models.app_gross_margin: 1 - (tokens * price + other) / ARPU.
function app_gross_margin(arpu, tokens_millions, price_per_million, other_cost) {
  return 1 - (tokens_millions * price_per_million + other_cost) / arpu;
}

// utils.models.app_breakeven_tokens: (ARPU - other) / price.
function app_breakeven_tokens(arpu, price_per_million, other_cost) {
  return (arpu - other_cost) / price_per_million;
}

// utils.models.user_tiers, over the split's tiers as params carry them: [[name, share_of_users, relative_usage]].
function user_tiers(tiers, tokens_per_user) {
  let total = 0;
  for (const [, share, relative] of tiers) total += share * relative;
  return tiers.map(([tier, share_of_users, relative]) => ({
    tier,
    share_of_users,
    tokens: tokens_per_user * relative,
    share_of_tokens: (share_of_users * relative) / total,
  }));
}

// numpy.linspace(start, stop, num): start + i * step, the last point exactly stop.
function linspace(start, stop, num) {
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : i * step + start));
}

// --- 1. Lifetime value ---------------------------------------------------------------------------

// utils.panels.margins.ltv_outcome. params: {benchmark_annual_churn, churn_grid: [start, stop, num], ltv_top,
// months_per_year}.
export function ltv_outcome({ arpu, margin_percent, churn_percent }, params) {
  const { benchmark_annual_churn, churn_grid, ltv_top, months_per_year } = params;
  const margin = margin_percent / 100;
  const churn = churn_percent / 100;
  const ltv = lifetime_value(arpu, margin, churn);
  const life_months = 1 / churn;
  const benchmark_monthly = benchmark_annual_churn / months_per_year;
  const at_benchmark = lifetime_value(arpu, margin, benchmark_monthly);
  const curve = linspace(...churn_grid).map((c) => ({ churn: c, ltv: lifetime_value(arpu, margin, c) }));
  return {
    datasets: {
      curve,
      customer: [{ churn, ltv, shown: Math.min(ltv, ltv_top) }],
      benchmark: [
        { churn: benchmark_monthly, label: `median SaaS dollar churn, ${fmt(benchmark_annual_churn, ".0%")} a year` },
      ],
    },
    readout: [
      ["Lifetime value (LTV)", `$${fmt(ltv, ",.0f")} of gross profit per customer`],
      [
        "Expected customer life",
        `${fmt(life_months, ",.1f")} months (${fmt(life_months / months_per_year, ",.1f")} years)`,
      ],
      [
        "Gross profit per month",
        `$${fmt(arpu * margin, ",.0f")} (ARPU $${fmt(arpu, ",.0f")} x margin ${fmt(margin, ".0%")})`,
      ],
    ],
    takeaway:
      `This customer brings $${fmt(ltv, ",.0f")} of gross profit over ${fmt(life_months / months_per_year, ",.1f")} ` +
      `years; at the SaaS median churn (${fmt(benchmark_monthly, ".2%")} a month) it would bring ` +
      `$${fmt(at_benchmark, ",.0f")}.`,
    key: ["Lifetime value (USD of gross profit per customer)", ltv],
  };
}

// --- 2. Net revenue retention --------------------------------------------------------------------

// utils.panels.margins.nrr_outcome. params: {start, app, infra} (the cohorts' starting index and names).
export function nrr_outcome({ app_nrr_percent, infra_nrr_percent, years }, { start, app, infra }) {
  const n = Math.trunc(years);
  const appRows = [];
  const infraRows = [];
  for (let year = 0; year <= n; year += 1) {
    appRows.push({ year, cohort: app, revenue: nrr_revenue(start, app_nrr_percent / 100, year) });
    infraRows.push({ year, cohort: infra, revenue: nrr_revenue(start, infra_nrr_percent / 100, year) });
  }
  const appLast = appRows.at(-1).revenue;
  const infraLast = infraRows.at(-1).revenue;
  const ratio = infraLast / appLast;
  return {
    datasets: { cohorts: [...appRows, ...infraRows] },
    readout: [
      [`App-like cohort after ${n} years`, `${fmt(appLast, ",.1f")} (from 100, NRR ${fmt(app_nrr_percent, ".0f")}%)`],
      [
        `Infrastructure-like cohort after ${n} years`,
        `${fmt(infraLast, ",.1f")} (from 100, NRR ${fmt(infra_nrr_percent, ".0f")}%)`,
      ],
      ["Infrastructure-like ÷ app-like", `${fmt(ratio, ",.2f")}x`],
    ],
    takeaway:
      `After ${n} years the infrastructure-like cohort brings in ${fmt(ratio, ",.2f")} times the app-like cohort's ` +
      `revenue: ${fmt(infraLast, ",.1f")} against ${fmt(appLast, ",.1f")}.`,
    key: ["Infrastructure-like ÷ app-like revenue at the horizon (times)", ratio],
  };
}

// --- 3. The AI app's margin with heavy users -----------------------------------------------------

// utils.panels.margins.app_margin_outcome. params: {splits: {name: [[tier, share_of_users, relative_usage]]},
// tokens_right, margin_axis: [low, high], line_points, profit, loss} (the module's USAGE_SPLITS and constants).
export function app_margin_outcome({ arpu, price_per_million, other_cost, tokens_per_user, split }, params) {
  const { splits, tokens_right, margin_axis, line_points, profit, loss } = params;
  const [low, high] = margin_axis;
  if (!(split in splits)) throw new Error(`split must be one of ${Object.keys(splits)}, got ${split}.`);
  const tiers = user_tiers(splits[split], tokens_per_user).map((row) => {
    const margin = app_gross_margin(arpu, row.tokens, price_per_million, other_cost);
    // Where each tier is drawn: on the chart, or on its edge when off it (its label then says so).
    const x = Math.min(row.tokens, tokens_right);
    const y = Math.min(Math.max(margin, low), high);
    const away = x !== row.tokens || y !== margin;
    return {
      ...row,
      margin,
      status: margin < 0 ? loss : profit,
      x,
      y,
      label: `${row.tier}: ${fmt(row.share_of_users, ".0%")} of users` +
        (away ? `, margin ${fmt(margin, ",.0%")}` : ""),
      label_left: x > 0.6 * tokens_right,
    };
  });
  // numpy.average(margin, weights=share_of_users): sum(margin * share) / sum(share), each summed in order.
  let weighted = 0;
  let weights = 0;
  for (const t of tiers) weighted += t.margin * t.share_of_users;
  for (const t of tiers) weights += t.share_of_users;
  const blended = weighted / weights;
  let at_loss = 0;
  for (const t of tiers) if (t.margin < 0) at_loss += t.share_of_users;
  const zero_at = app_breakeven_tokens(arpu, price_per_million, other_cost);

  const line = linspace(0, tokens_right, line_points).map((tokens) => ({
    tokens,
    margin: app_gross_margin(arpu, tokens, price_per_million, other_cost),
  }));
  const average = [{ tokens: tokens_per_user, margin: blended }];
  // The break-even line, when it falls on the chart; its label goes left of it where there is room.
  const breakeven =
    0 < zero_at && zero_at <= tokens_right ? [{ tokens: zero_at, label_left: zero_at > 0.15 * tokens_right }] : [];

  const heaviest = tiers.at(-1);
  const heaviest_bill = heaviest.tokens * price_per_million;
  const token_spend = tokens_per_user * price_per_million;
  const left = arpu - token_spend - other_cost;
  let takeaway;
  if (at_loss === 0) {
    takeaway =
      `No user is served at a loss: the blended margin is ${fmt(blended, ".1%")}, and the heaviest users ` +
      `still keep ${fmt(heaviest.margin, ",.0%")}.`;
  } else if (at_loss >= 1) {
    takeaway = `Every user is served at a loss: the blended margin is ${fmt(blended, ",.1%")}.`;
  } else {
    takeaway =
      `A blended margin of ${fmt(blended, ",.1%")} hides ${fmt(at_loss, ".0%")} of users served at a loss: a ` +
      `${heaviest.tier.toLowerCase()} user's tokens cost $${fmt(heaviest_bill, ",.2f")} on a ` +
      `$${fmt(arpu, ",.2f")} plan.`;
  }
  return {
    datasets: { line, tiers, average, breakeven },
    readout: [
      ["Blended gross margin", fmt(blended, ",.1%")],
      ["Users served at a loss", `${fmt(at_loss, ".0%")} of users`],
      [
        "Margin hits zero at",
        zero_at <= 0
          ? "no usage at all: other costs alone use up ARPU"
          : `${fmt(zero_at, ",.2f")} million tokens a user (${fmt(zero_at / tokens_per_user, ",.1f")}x the average)`,
      ],
      [
        `The average user's $${fmt(arpu, ",.2f")}`,
        `$${fmt(token_spend, ",.2f")} tokens + $${fmt(other_cost, ",.2f")} other costs ` +
          (left >= 0 ? `+ $${fmt(left, ",.2f")} left to the app` : `- $${fmt(-left, ",.2f")}, the app's loss`),
      ],
      [
        `Heaviest tier (${heaviest.tier})`,
        `${fmt(heaviest.share_of_users, ".0%")} of users, ${fmt(heaviest.share_of_tokens, ".0%")} of tokens, ` +
          `margin ${fmt(heaviest.margin, ",.0%")}`,
      ],
    ],
    takeaway,
    key: ["Blended gross margin (%)", 100 * blended],
  };
}
