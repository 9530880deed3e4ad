// The JavaScript twin of utils/panels/retention.py (lesson 00's demo panel), for the static course site:
// the same datasets, readout, takeaway and key as the Python compute, from the same formula.
// tests/test_panels.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
import { fmt } from "./_format.js";

// utils.models.nrr_revenue: R_t = R_0 * NRR ** t.
function nrr_revenue(initial_revenue, nrr, years) {
  return initial_revenue * nrr ** years;
}

// utils.panels.retention._takeaway
function takeaway(nrr_percent, horizon, final, start) {
  if (nrr_percent > 100) {
    const straight = start + horizon * (nrr_percent - 100);
    return (
      `At ${fmt(nrr_percent, ".0f")}% a year the cohort reaches ${fmt(final, ",.1f")} in ${horizon} years, ` +
      `${fmt(final / start, ",.2f")} times its start: more than the ${fmt(straight, ",.0f")} that adding ` +
      `${fmt(nrr_percent - 100, ".0f")} a year would give.`
    );
  }
  if (nrr_percent === 100) {
    return `At 100% a year the cohort's revenue stays at ${fmt(start, ",.0f")} for all ${horizon} years.`;
  }
  return (
    `At ${fmt(nrr_percent, ".0f")}% a year only ${fmt(final, ",.1f")} of the ${fmt(start, ",.0f")} is left ` +
    `after ${horizon} years: the cohort loses ${fmt(100 - nrr_percent, ".0f")}% of what is left each year.`
  );
}

// utils.panels.retention.retention_outcome. params: {start, y_top} (the module's START and Y_TOP).
export function retention_outcome({ nrr_percent, horizon }, { start, y_top }) {
  const cohort = [];
  for (let year = 0; year <= horizon; year += 1) {
    const revenue = nrr_revenue(start, nrr_percent / 100, year);
    cohort.push({ year, revenue, shown: Math.min(revenue, y_top) });
  }
  const final = cohort.at(-1).revenue;
  return {
    datasets: { cohort },
    readout: [
      [`Revenue after ${horizon} years`, `${fmt(final, ",.2f")} (from ${fmt(start, ",.0f")})`],
      ["Change", fmt(final / start - 1, "+,.1%")],
    ],
    takeaway: takeaway(nrr_percent, horizon, final, start),
    key: ["Revenue after the horizon (index, year 0 = 100)", final],
  };
}
