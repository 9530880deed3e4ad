// The JavaScript twin of utils/panels/scenarios.py (lesson 10, who captures the Plumbing Premium), for the static
// course site: the same datasets, readout, takeaway and key as scenario_outcome, from the same formulas
// (utils/models/scenarios.py). The setup read from data/scenarios.csv (scenarios, claimants, winners) travels as
// the twin's params. tests/test_panels_scenarios.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
//
// Sums run in numpy's order for three numbers (one after another). numpy's `p @ C` goes through BLAS, which may
// fuse a multiply and an add (it does on this machine), so a share can differ from Python's in its last bit: the
// chart rows agree to 1e-12, and the text is built so that no last bit decides it (ranks on shares rounded to
// 9 decimals, as utils.panels.scenarios._leader_sentence does).
import { fmt } from "./_format.js";

// numpy.rint: to the nearest integer, ties to even.
function rint(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

// numpy.round(x, decimals)
function round(x, decimals) {
  const f = 10 ** decimals;
  return rint(x * f) / f;
}

function sum(values) {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

// utils.models.normalise_weights: p_s = w_s / sum(w), after scaling by the largest weight.
function normalise_weights(weights) {
  const top = Math.max(...weights);
  if (!(top > 0)) throw new Error("weights must not all be zero: give at least one scenario some weight.");
  const scaled = weights.map((w) => w / top);
  const total = sum(scaled);
  return scaled.map((w) => w / total);
}

// utils.models.capture_from_winners: row s gives w_s / k_s to each of its k_s winners, (1 - w_s) / (n - k_s) to
// each other layer.
function capture_from_winners(winners, n_layers, winner_shares) {
  return winners.map((layers, row) => {
    const share = winner_shares[row];
    const line = new Array(n_layers).fill((1 - share) / (n_layers - layers.length));
    for (const layer of layers) line[layer] = share / layers.length;
    return line;
  });
}

// p @ C: each column's sum over scenarios, in order.
function product(p, capture) {
  return capture[0].map((_, l) => sum(p.map((ps, s) => ps * capture[s][l])));
}

// utils.models.expected_capture: normalise_weights(weights) @ capture.
function expected_capture(weights, capture) {
  return product(normalise_weights(weights), capture);
}

// utils.models.probability_sensitivity: expected shares (rows: grid points) as one scenario's probability sweeps
// the grid, the others sharing 1 - q in proportion to their weights (equally if all are zero).
function probability_sensitivity(weights, capture, scenario, grid) {
  const p = normalise_weights(weights);
  let others = p.filter((_, s) => s !== scenario);
  const total = sum(others);
  others = total > 0 ? others.map((o) => o / total) : others.map(() => 1 / others.length);
  return grid.map((q) => {
    const row = others.map((o) => (1 - q) * o);
    row.splice(scenario, 0, q);
    return product(row, capture);
  });
}

// numpy.isclose(a, b, atol=atol): |a - b| <= atol + 1e-5 * |b|.
function isclose(a, b, atol) {
  return Math.abs(a - b) <= atol + 1e-5 * Math.abs(b);
}

// utils.panels.scenarios._capital
function capital(text) {
  return text.slice(0, 1).toUpperCase() + text.slice(1);
}

// utils.panels.scenarios._leader_sentence: who leads and by how much, or who ties.
function leader_sentence(claimants, shares) {
  const ranked = shares.map((share) => round(share, 9));
  const order = shares.map((_, i) => i).sort((a, b) => ranked[b] - ranked[a]); // stable: equal shares keep order
  const top = shares[order[0]];
  const tied = order.filter((i) => isclose(shares[i], top, 5e-4)).map((i) => claimants[i]);
  if (tied.length === claimants.length) {
    return `Nobody leads: all ${claimants.length} claimants tie at ${fmt(top, ".1%")}, so any lead comes from your inputs.`;
  }
  if (tied.length > 1) {
    const rest = claimants[order[tied.length]];
    return `${capital(tied.join(" and "))} tie at ${fmt(top, ".1%")}; ${rest} take ${fmt(shares[order[tied.length]], ".1%")}.`;
  }
  const second = order[1];
  return (
    `${capital(claimants[order[0]])} lead with ${fmt(top, ".1%")}, ` +
    `${fmt(100 * (top - shares[second]), ".1f")} points ahead of ${claimants[second]}.`
  );
}

// utils.panels.scenarios._from_controls and scenario_outcome. params: {scenarios, claimants, winners, slugs}
// (scenario_setup of data/scenarios.csv) and {sweep} (the module's SWEEP grid).
export function scenario_outcome(values, { scenarios, claimants, winners, slugs, sweep }) {
  const weights = slugs.map((slug) => values[`weight_${slug}`]);
  const winner_shares = slugs.map((slug) => values[`winners_${slug}`] / 100);
  const sensitivity_to = values.sensitivity_to;
  const no_weight = sum(weights) === 0;
  const probabilities = normalise_weights(no_weight ? weights.map(() => 1) : weights);
  const capture = capture_from_winners(winners, claimants.length, winner_shares);
  const shares = expected_capture(probabilities, capture);
  const swept = probability_sensitivity(probabilities, capture, sensitivity_to, sweep);
  const alone = capture[sensitivity_to];
  const best = alone.indexOf(Math.max(...alone)); // numpy.argmax: the first of equal largest
  const watched = winners[0][0]; // the first scenario's winner: the essay watches vertical integration
  return {
    datasets: {
      shares: claimants.map((claimant, i) => ({ claimant, share: shares[i] })),
      sweep: sweep.flatMap((probability, g) =>
        claimants.map((claimant, i) => ({ probability, claimant, share: swept[g][i] }))),
      current: [{ probability: probabilities[sensitivity_to] }],
    },
    readout: [
      [
        "Probabilities",
        scenarios.map((name, s) => `${name} ${fmt(probabilities[s], ".0%")}`).join(", ") +
          (no_weight ? " (no weight given anywhere: treated as equally likely)" : ""),
      ],
      ["Expected shares", claimants.map((claimant, i) => `${claimant} ${fmt(shares[i], ".1%")}`).join(", ")],
      [`If ${scenarios[sensitivity_to]} were certain`, `${claimants[best]} would take ${fmt(alone[best], ".0%")}`],
    ],
    takeaway: leader_sentence(claimants, shares),
    key: [`${capital(claimants[watched])}' expected share (%)`, 100 * shares[watched]],
  };
}
