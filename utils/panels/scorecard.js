// The JavaScript twin of utils/panels/scorecard.py (lesson 11, the positioning test as a scorecard), for the
// static course site: the same datasets, readout, takeaway and key as scorecard_outcome, from the same formulas
// (utils/models/scorecard.py) in the same order of operations, so the numbers agree to the last bit.
// tests/test_panels_scorecard.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
import { fmt } from "./_format.js";

// utils.models.scorecard._adjusted_and_weights (equal weights): risks count as 5 - score.
function adjusted(scores, { criteria, risks, max_score }) {
  return Object.fromEntries(criteria.map((c) => [c, risks.includes(c) ? max_score - scores[c] : scores[c]]));
}

// Python's sum(): 0, then each term in turn.
function sum(values) {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

// utils.models.positioning_score (equal weights): 100 * sum_i w_i a_i / (5 * sum_i w_i).
function positioning_score(scores, model) {
  const a = adjusted(scores, model);
  const w = model.criteria.map(() => 1.0);
  return (100 * sum(model.criteria.map((c, i) => w[i] * a[c]))) / (model.max_score * sum(w));
}

// utils.models.criterion_points (equal weights): 100 * w_i a_i / (5 * sum_j w_j).
function criterion_points(scores, model) {
  const a = adjusted(scores, model);
  const w = model.criteria.map(() => 1.0);
  return Object.fromEntries(model.criteria.map((c, i) => [c, (100 * w[i] * a[c]) / (model.max_score * sum(w))]));
}

// utils.models.verdict: the last verdict whose start the score reaches, else "application-like".
function verdict(score, verdict_from) {
  const reached = [...verdict_from].sort((x, y) => x[1] - y[1]).filter(([, start]) => score >= start);
  return reached.length ? reached.at(-1)[0] : "application-like";
}

// utils.panels.scorecard._distance: how far a score sits from the nearest verdict line.
function distance(total, verdict_from) {
  const starts = [...verdict_from].sort((x, y) => x[1] - y[1]);
  const above = starts.filter(([, start]) => total >= start);
  const ahead = starts.filter(([, start]) => total < start);
  if (ahead.length && (!above.length || ahead[0][1] - total <= total - above.at(-1)[1])) {
    const [name, start] = ahead[0];
    return `${fmt(start - total, ".0f")} points short of ${name}`;
  }
  const [name, start] = above.at(-1);
  return `${fmt(total - start, ".0f")} points above the ${name} line`;
}

// utils.panels.scorecard.scorecard_outcome. params: {criteria, risks, max_score, verdict_from: [[name, start]],
// labels: {criterion: label}, thresholds: [{points, label}], key} (utils.models.scorecard and the module's tables).
export function scorecard_outcome(scores, params) {
  const { criteria, labels, verdict_from, thresholds, key } = params;
  const total = positioning_score(scores, params);
  const points = criterion_points(scores, params);
  const parts = criteria.map((c) => ({ criterion: labels[c], points: points[c], row: "your product" }));
  const lowest = Math.min(...parts.map((p) => p.points));
  const tied = parts.filter((p) => p.points === lowest).map((p) => p.criterion);
  const all = tied.length === parts.length;
  const weakest = all ? "none: all five score the same" : tied.join(", ");
  const weakest_words = all
    ? "every criterion gives the same points"
    : `weakest: ${tied.map((t) => t.split(" (")[0].toLowerCase()).join(" and ")}`;
  const said = verdict(total, verdict_from);
  return {
    datasets: { parts, thresholds },
    readout: [
      ["Positioning score", `${fmt(total, ".0f")} out of 100`],
      ["Verdict", said],
      ["Weakest", `${weakest} (${fmt(lowest, ".0f")} of 20 points)`],
    ],
    takeaway: `${fmt(total, ".0f")} out of 100, ${said}, ${distance(total, verdict_from)}; ${weakest_words}.`,
    key: [key, total],
  };
}
