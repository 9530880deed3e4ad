// The JavaScript twin of utils/panels/stack.py (lesson 02's funding by layer), for the static course site:
// the same datasets, readout, takeaway and key as the Python compute. Its params carry the rows of
// data/funding_rounds.csv the panel counts (a missing figure, date or round is null) and the layers in the
// panel's order; the counting mirrors utils/models/stack.py row for row, in the same order of additions.
// tests/test_panels_stack.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
import { fmt } from "./_format.js";

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FLOWS = new Set(["amount_usd"]); // every other measure is a stock: the latest figure replaces the last
const MISSING = {
  amount_usd: "no amount in US dollars",
  total_raised_usd: "no total stated",
  valuation_usd: "no valuation",
};
const LABEL_ROOM_MONTHS = 6;
const HEADROOM = 1.15;

// utils.models.month_number: 12 * year + (month - 1); a year alone is its December; no date is NaN.
function month_number(date) {
  if (typeof date !== "string" || !date) return NaN;
  const dash = date.indexOf("-");
  const year = Number.parseInt(dash === -1 ? date : date.slice(0, dash), 10);
  const month = dash === -1 ? 12 : Number.parseInt(date.slice(dash + 1, dash + 3), 10);
  if (!(month >= 1 && month <= 12)) throw new Error(`date must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got '${date}'.`);
  return 12 * year + month - 1;
}

// utils.models.month_name: "Dec 2025".
function month_name(number) {
  if (!Number.isInteger(number)) throw new Error(`number must be a whole month number, got ${number}.`);
  return `${MONTH_NAMES[((number % 12) + 12) % 12]} ${Math.floor(number / 12)}`;
}

// utils.models.top_n_share: the share of the total held by the n largest amounts (scaled so the largest is 1,
// as utils.models.concentration._amounts does; numpy sums fewer than eight numbers one after another).
function top_n_share(amounts, n) {
  const largest = Math.max(...amounts);
  if (!(largest > 0)) throw new Error("amounts must have a positive total, got all zeros.");
  const values = amounts.map((amount) => amount / largest);
  const add = (numbers) => numbers.reduce((sum, value) => sum + value, 0);
  return add([...values].sort((a, b) => b - a).slice(0, n)) / add(values);
}

// utils.models.count_funding: one figure by layer up to a cutoff month, a flow summed and a stock replaced;
// returns {counted, totals (a Map in the order of layers), later, no_date, no_figure}.
function count_funding(rows, { measure, flow, layers, tellers, cutoff, undated_at_cutoff }) {
  let counted = [];
  const [later, no_date, no_figure] = [[], [], []];
  for (const source of rows) {
    if (!tellers.includes(source.figure_from) || !layers.includes(source.layer)) continue;
    const row = { ...source };
    let month = month_number(row.date);
    if (Number.isNaN(month) && undated_at_cutoff) month = cutoff;
    row.month = month;
    const figure = row[measure];
    if (figure === null || figure === undefined || Number.isNaN(figure)) no_figure.push(row);
    else if (Number.isNaN(month)) no_date.push(row);
    else if (month > cutoff) later.push(row);
    else counted.push(row);
  }
  counted = counted.sort((a, b) => a.month - b.month); // stable: rows of the same month keep their order
  const totals = new Map(layers.map((layer) => [layer, 0.0]));
  const latest = new Map(); // each company's latest figure, for a stock
  for (const row of counted) {
    const figure = row[measure];
    row.change = flow ? figure : figure - (latest.get(row.company) ?? 0.0);
    latest.set(row.company, figure);
    totals.set(row.layer, totals.get(row.layer) + row.change);
    row.total = totals.get(row.layer);
  }
  // A layer's total at the end of each month, after every row of that month.
  const month_end = new Map(counted.map((row) => [`${row.layer}|${row.month}`, row.total]));
  for (const row of counted) row.total = month_end.get(`${row.layer}|${row.month}`);
  return { counted, totals, later, no_date, no_figure };
}

// utils.models.FundingCount.steps: each layer's running sum as [layer, month, total], from 0 at start to its
// total at the cutoff.
function steps(count, start, cutoff) {
  const rows = [];
  for (const [layer, total] of count.totals) {
    const changes = new Map();
    for (const row of count.counted) if (row.layer === layer) changes.set(row.month, row.total);
    rows.push([layer, start, 0.0], ...[...changes].map(([month, t]) => [layer, month, t]), [layer, cutoff, total]);
  }
  return rows;
}

// utils.panels.stack.timeline: the first and last months with a dated row.
function timeline(rows) {
  const months = rows.filter((row) => typeof row.date === "string").map((row) => month_number(row.date));
  return [Math.min(...months), Math.max(...months)];
}

// utils.panels.stack._month_date: the first day of a month, in ISO form.
function month_date(number) {
  const [year, month] = [Math.floor(number / 12), number - 12 * Math.floor(number / 12)];
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-01`;
}

// utils.panels.stack.usd: $805.0M, $8.45B; nothing is $0.
function usd(amount) {
  if (amount === 0) return "$0";
  return Math.abs(amount) >= 1e9 ? `$${fmt(amount / 1e9, ",.2f")}B` : `$${fmt(amount / 1e6, ",.1f")}M`;
}

// utils.panels.stack._rows: "1 row", "2 rows"; plural where adding an s is wrong.
function plural_rows(count, what = "row", plural = "") {
  return `${count} ${count === 1 ? what : plural || `${what}s`}`;
}

// Python's str.capitalize: the first letter upper case, the rest lower case.
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

const add = (numbers) => numbers.reduce((sum, value) => sum + value, 0);

// utils.panels.stack._left_out
function left_out(count, measure, cutoff) {
  const money = (rows) => (rows.length ? ` (${usd(add(rows.map((row) => row[measure])))})` : "");
  const parts = [`${plural_rows(count.later.length)} after ${month_name(cutoff)}${money(count.later)}`];
  if (count.no_date.length) parts.push(`${plural_rows(count.no_date.length)} with no date${money(count.no_date)}`);
  parts.push(`${plural_rows(count.no_figure.length)} with ${MISSING[measure]}`);
  return parts.join("; ");
}

// utils.panels.stack._takeaway
function takeaway(count, cutoff, shared, is_flow) {
  const amounts = [...count.totals.values()];
  const total = add(amounts);
  const left = count.later.length + count.no_date.length + count.no_figure.length;
  let largest = null;
  for (const [layer, amount] of count.totals) if (largest === null || amount > count.totals.get(largest)) largest = layer;
  if (total <= 0) return `Nothing is counted up to ${month_name(cutoff)}; ${plural_rows(left)} left out.`;
  let lead;
  if (count.totals.size === 1) {
    lead = `${capitalize(largest)} holds ${usd(total)} up to ${month_name(cutoff)}`;
  } else {
    const share = top_n_share(amounts, 1);
    lead = `${capitalize(largest)} holds ${fmt(share, ".1%")} of the ${usd(total)} counted up to ${month_name(cutoff)}`;
  }
  if (shared.length && is_flow) {
    return `${lead}, but ${plural_rows(shared.length, "company", "companies")}' rounds are counted twice.`;
  }
  return `${lead}; ${plural_rows(left)} ${left === 1 ? "is" : "are"} left out.`;
}

// utils.panels.stack.funding_outcome. values: {tellers, measure, layers (null: all), months_in, undated_at_cutoff};
// params: {rows (the columns the count reads), layers (utils.panels.stack.funding_layers of the rows)}.
export function funding_outcome(values, params) {
  const { tellers, measure, months_in, undated_at_cutoff } = values;
  const { rows } = params;
  const layers = values.layers ?? params.layers;
  const [start, end] = timeline(rows);
  const cutoff = start + months_in;
  const is_flow = FLOWS.has(measure);
  const counting = (up_to) =>
    count_funding(rows, { measure, flow: is_flow, layers, tellers, cutoff: up_to, undated_at_cutoff });
  const count = counting(cutoff);
  const total = add([...count.totals.values()]);
  const companies = new Set(count.counted.map((row) => row.company));
  const what = is_flow
    ? plural_rows(count.counted.length, "round")
    : `the latest figure of ${plural_rows(companies.size, "company", "companies")}`;
  const readout = [
    ["Total counted", `${usd(total)}, ${what}, announced up to ${month_name(cutoff)}`],
    ["By layer", [...count.totals].map(([layer, amount]) => `${layer} ${usd(amount)}`).join(", ")],
    ["Left out", left_out(count, measure, cutoff)],
  ];
  let shared = [];
  if (tellers.length > 1) {
    const tellers_of = new Map();
    for (const row of count.counted) {
      if (!tellers_of.has(row.company)) tellers_of.set(row.company, new Set());
      tellers_of.get(row.company).add(row.figure_from);
    }
    shared = [...tellers_of].filter(([, told_by]) => told_by.size > 1).map(([company]) => company);
    readout.push([
      "Warning",
      `told by both tellers: ${shared.join(", ") || "none"}; ` +
        (is_flow ? "their rounds are counted twice" : "each company's latest row wins, whoever tells it"),
    ]);
  }
  // The y axis holds still as the cutoff moves: it reaches above the highest sum over the whole timeline.
  const whole = counting(end);
  const top = (Math.max(0.0, ...whole.counted.map((row) => row.total)) * HEADROOM) / 1e6;
  return {
    datasets: {
      lines: steps(count, start, cutoff).map(([layer, month, t]) => ({ layer, date: month_date(month),
        millions: t / 1e6 })),
      rounds: count.counted.map((row) => ({
        layer: row.layer,
        date: month_date(row.month),
        millions: row.total / 1e6,
        company: row.company,
        round: typeof row.round === "string" ? row.round : "(not named)",
        figure: usd(row[measure]),
        teller: row.figure_from,
        date_given: typeof row.date === "string" ? row.date : "none (placed at the cutoff)",
        dated: typeof row.date === "string",
      })),
      cutoff: [{ date: month_date(cutoff), label: `up to ${month_name(cutoff)}`,
        side: end - cutoff < LABEL_ROOM_MONTHS ? "left" : "right" }],
      frame: [{ date: month_date(start), millions: top }],
    },
    readout,
    takeaway: takeaway(count, cutoff, shared, is_flow),
    key: ["Total counted (millions of US dollars)", total / 1e6],
  };
}
