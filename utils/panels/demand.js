// The JavaScript twin of utils/panels/demand.py (lesson 06), for the static course site: the same datasets,
// readout, takeaway and key as the Python computes. tests/test_panels_demand.py holds both panels to Python
// (tests/panel_checks.py: assert_twin_matches).
//
// The reshuffle panel is a seeded Monte Carlo. Its twin draws the very numbers numpy draws: numpy's PCG64
// generator, started from the state numpy's default_rng(RESHUFFLE_SEED) has (params), and numpy's ways of
// turning its output into rng.random() and rng.integers(). So the twin simulates the same worlds as Python.
// Two independent simulations would not do: "the worst 10% of worlds" is a quantile of a discrete
// distribution (the quarters a world's model leads), and two seeds can land a whole step apart.
import { fmt } from "./_format.js";

// numpy.random.PCG64 (XSL-RR 128/64): state = state * MULTIPLIER + inc (mod 2^128), then output
// rotr64(high ^ low, high >> 58). The 128-bit state is eight 16-bit limbs, least significant first, so that
// every partial product is exact in a double; the step is unrolled, a slider's first move draws 60,000 times.
function limbs(value) {
  const out = [];
  let rest = BigInt(value);
  for (let i = 0; i < 8; i += 1) {
    out.push(Number(rest & 0xffffn));
    rest >>= 16n;
  }
  return out;
}

const [M0, M1, M2, M3, M4, M5, M6, M7] = limbs(0x2360ed051fc65da44385df649fccf645n);

class Pcg64 {
  constructor(state, inc) {
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7] = limbs(state);
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7] = limbs(inc);
    this.high = 0; // the last output, as two unsigned 32-bit halves
    this.low = 0;
    this.hasUint32 = false; // numpy keeps the upper half of a 64-bit output for the next 32-bit draw
    this.uinteger = 0;
  }

  next64() {
    const { s0, s1, s2, s3, s4, s5, s6, s7 } = this;
    // Each column sums at most eight products below 2^32 and a carry: below 2^36, exact. A limb is the
    // column's value modulo 2^16 (ToUint32 is exact modulo 2^32 below 2^53), the carry the rest.
    let v = s0 * M0 + this.i0;
    let limb = (v >>> 0) & 0xffff;
    this.s0 = limb;
    v = (v - limb) / 65536 + s0 * M1 + s1 * M0 + this.i1;
    limb = (v >>> 0) & 0xffff;
    this.s1 = limb;
    v = (v - limb) / 65536 + s0 * M2 + s1 * M1 + s2 * M0 + this.i2;
    limb = (v >>> 0) & 0xffff;
    this.s2 = limb;
    v = (v - limb) / 65536 + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0 + this.i3;
    limb = (v >>> 0) & 0xffff;
    this.s3 = limb;
    v = (v - limb) / 65536 + s0 * M4 + s1 * M3 + s2 * M2 + s3 * M1 + s4 * M0 + this.i4;
    limb = (v >>> 0) & 0xffff;
    this.s4 = limb;
    v = (v - limb) / 65536 + s0 * M5 + s1 * M4 + s2 * M3 + s3 * M2 + s4 * M1 + s5 * M0 + this.i5;
    limb = (v >>> 0) & 0xffff;
    this.s5 = limb;
    v = (v - limb) / 65536 + s0 * M6 + s1 * M5 + s2 * M4 + s3 * M3 + s4 * M2 + s5 * M1 + s6 * M0 + this.i6;
    limb = (v >>> 0) & 0xffff;
    this.s6 = limb;
    v = (v - limb) / 65536 + s0 * M7 + s1 * M6 + s2 * M5 + s3 * M4 + s4 * M3 + s5 * M2 + s6 * M1 + s7 * M0 + this.i7;
    this.s7 = (v >>> 0) & 0xffff;
    const xorHigh = ((this.s7 << 16) | this.s6) ^ ((this.s3 << 16) | this.s2);
    const xorLow = ((this.s5 << 16) | this.s4) ^ ((this.s1 << 16) | this.s0);
    const rot = this.s7 >>> 10; // the state's top six bits
    if (rot === 0) {
      this.high = xorHigh >>> 0;
      this.low = xorLow >>> 0;
    } else if (rot < 32) {
      this.high = ((xorHigh >>> rot) | (xorLow << (32 - rot))) >>> 0;
      this.low = ((xorLow >>> rot) | (xorHigh << (32 - rot))) >>> 0;
    } else if (rot === 32) {
      this.high = xorLow >>> 0;
      this.low = xorHigh >>> 0;
    } else {
      const r = rot - 32;
      this.high = ((xorLow >>> r) | (xorHigh << (32 - r))) >>> 0;
      this.low = ((xorHigh >>> r) | (xorLow << (32 - r))) >>> 0;
    }
  }

  // rng.random(): the top 53 bits of a 64-bit output, over 2^53.
  nextDouble() {
    this.next64();
    return (this.high * 2097152 + (this.low >>> 11)) / 9007199254740992;
  }

  // numpy's next_uint32 for PCG64: the low half of a 64-bit output, its high half kept for the next call.
  next32() {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.high;
    return this.low;
  }

  // rng.integers(low, high) for a range below 2^32: Lemire's multiply-and-reject on 32-bit draws
  // (numpy's buffered_bounded_lemire_uint32; a range of one value draws nothing).
  integer(low, high) {
    const span = high - low; // numpy's rng_excl
    if (span === 1) return low;
    let m = this.next32() * span; // below 2^36: exact
    let leftover = m % 4294967296;
    if (leftover < span) {
      const threshold = 4294967296 % span;
      while (leftover < threshold) {
        m = this.next32() * span;
        leftover = m % 4294967296;
      }
    }
    return low + Math.floor(m / 4294967296);
  }
}

// The draws of simulate_reshuffles depend only on the number of models (not on the chance or the penalty),
// and a longer horizon only draws more quarters: each number of models' draws are made once, then reused.
const streams = new Map();

function reshuffleDraws(k, quarters, worlds, params) {
  const key = `${params.pcg64_state}/${params.pcg64_inc}/${worlds}/${k}`;
  if (!streams.has(key)) {
    streams.set(key, { rng: new Pcg64(params.pcg64_state, params.pcg64_inc), uniforms: [], hops: [] });
  }
  const stream = streams.get(key);
  while (stream.uniforms.length < quarters) {
    const uniforms = new Float64Array(worlds);
    const hops = new Uint8Array(worlds);
    for (let w = 0; w < worlds; w += 1) uniforms[w] = stream.rng.nextDouble(); // switch = rng.random(paths) < r
    for (let w = 0; w < worlds; w += 1) hops[w] = stream.rng.integer(1, k); // hop = rng.integers(1, k, size=paths)
    stream.uniforms.push(uniforms);
    stream.hops.push(hops);
  }
  return stream;
}

// utils.models.simulate_reshuffles, summarized: the app's model (model 0) leads at quarter 0; each quarter,
// with probability r, the lead passes to one of the other K - 1 models. Returns, per quarter, how many worlds
// the app's model leads in; per world, how many of quarters 1..T it leads; and the first world's path.
function simulate_reshuffles(k, r, quarters, worlds, params) {
  const { uniforms, hops } = reshuffleDraws(k, quarters, worlds, params);
  const leader = new Uint8Array(worlds);
  const ledQuarters = new Uint16Array(worlds);
  const leadingWorlds = [worlds];
  const firstWorld = [true];
  for (let q = 0; q < quarters; q += 1) {
    const u = uniforms[q];
    const hop = hops[q];
    let leading = 0;
    for (let w = 0; w < worlds; w += 1) {
      if (u[w] < r) leader[w] = (leader[w] + hop[w]) % k;
      if (leader[w] === 0) {
        leading += 1;
        ledQuarters[w] += 1;
      }
    }
    leadingWorlds.push(leading);
    firstWorld.push(leader[0] === 0);
  }
  return { leadingWorlds, ledQuarters, firstWorld };
}

// utils.models.prob_still_leading: 1/K + (1 - 1/K) * (1 - r K / (K - 1)) ** t.
function prob_still_leading(t, k, r) {
  return 1 / k + (1 - 1 / k) * (1 - (r * k) / (k - 1)) ** t;
}

// utils.models.expected_app_revenue: P(t) + (1 - P(t)) * (1 - penalty).
function expected_app_revenue(t, k, r, penalty) {
  const leading = prob_still_leading(t, k, r);
  return leading + (1 - leading) * (1 - penalty);
}

// utils.models.average_app_revenue: the mean of expected_app_revenue over quarters 1..T.
function average_app_revenue(horizon, k, r, penalty) {
  let sum = 0;
  for (let t = 1; t <= horizon; t += 1) sum += expected_app_revenue(t, k, r, penalty);
  return sum / horizon;
}

// numpy.quantile(values, q) (method "linear") of the per-world averages, from how many worlds lead in
// each number of quarters: the averages take only T + 1 values, so counting stands in for sorting.
function quantileOfCounts(counts, valueOf, q) {
  const n = counts.reduce((a, b) => a + b, 0);
  const index = (n - 1) * q;
  const below = Math.floor(index);
  const gamma = index - below;
  const at = (position) => {
    let seen = 0;
    for (let c = 0; c < counts.length; c += 1) {
      seen += counts[c];
      if (position < seen) return valueOf(c);
    }
    return valueOf(counts.length - 1);
  };
  const a = at(below);
  const b = at(Math.min(below + 1, n - 1));
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma; // numpy's _lerp
}

const SAMPLE = "App in one simulated world";
const FORMULA = "App: expected revenue (formula)";
const VENDOR = "Vendor serving every model";

// utils.panels.demand.reshuffle_outcome. params: {worlds, pcg64_state, pcg64_inc} (RESHUFFLE_WORLDS and the
// state of numpy's default_rng(RESHUFFLE_SEED), as decimal strings).
export function reshuffle_outcome({ n_models, reshuffle_percent, penalty_percent, quarters }, params) {
  const k = Math.trunc(n_models);
  const t = Math.trunc(quarters);
  const rate = reshuffle_percent / 100;
  const penalty = penalty_percent / 100;
  const worlds = params.worlds;
  const simulated = `App: average of ${fmt(worlds, ",d")} simulated worlds`;
  const sim = simulate_reshuffles(k, rate, t, worlds, params);

  const lines = [];
  for (let q = 0; q <= t; q += 1) lines.push({ quarter: q, series: SAMPLE, revenue: sim.firstWorld[q] ? 1 : 1 - penalty });
  for (let q = 0; q <= t; q += 1) {
    const leading = sim.leadingWorlds[q];
    lines.push({ quarter: q, series: simulated, revenue: (leading + (worlds - leading) * (1 - penalty)) / worlds });
  }
  for (let q = 0; q <= t; q += 1) {
    lines.push({ quarter: q, series: FORMULA, revenue: expected_app_revenue(q, k, rate, penalty) });
  }
  for (let q = 0; q <= t; q += 1) lines.push({ quarter: q, series: VENDOR, revenue: 1 });

  // Quarter 0 is the start, when the app's model leads for sure: average over quarters 1..t.
  const perWorld = (led) => (led + (t - led) * (1 - penalty)) / t;
  const counts = new Array(t + 1).fill(0);
  let total = 0;
  for (const led of sim.ledQuarters) {
    counts[led] += 1;
    total += perWorld(led);
  }
  const simulatedAverage = total / worlds;
  const worstTenth = quantileOfCounts(counts, perWorld, 0.1);
  const stillLeading = prob_still_leading(t, k, rate);
  const average = average_app_revenue(t, k, rate, penalty);
  const vendor = 1;
  let takeaway;
  if (average > 0.9995) {
    const why = rate === 0 ? "the lead never changes hands" : "it loses nothing while its model trails";
    takeaway = `The app keeps its full revenue, as the vendor does: ${why}.`;
  } else {
    takeaway =
      `Over ${t} quarters the app on one model keeps ${fmt(average, ".1%")} of its revenue on average, ` +
      `${fmt(worstTenth, ".1%")} or less in its worst tenth of worlds; the vendor keeps ${fmt(vendor, ".0%")}.`;
  }
  return {
    datasets: { lines },
    readout: [
      [VENDOR, `${fmt(vendor, ".1%")} of full revenue in every quarter and every world`],
      [
        `App tied to one model, average over quarters 1-${t}`,
        `${fmt(simulatedAverage, ".1%")} of full revenue (simulated); ${fmt(average, ".1%")} (formula)`,
      ],
      [
        `Chance its model still leads in quarter ${t}`,
        `${fmt(stillLeading, ".1%")} (formula); ${fmt(sim.leadingWorlds[t] / worlds, ".1%")} of the simulated worlds`,
      ],
      ["The app in its worst 10% of worlds", `averages ${fmt(worstTenth, ".1%")} of full revenue or less`],
    ],
    takeaway,
    key: ["App's average revenue, % of full (formula)", 100 * average],
  };
}

// Diversification ---------------------------------------------------------------------------------------

const CORRELATED = "Customers correlated at your ρ";
const INDEPENDENT = "Independent customers (ρ = 0)";

// utils.models.revenue_cv (per unit of one customer's CV): sqrt((1 + (N - 1) rho) / N).
function revenue_cv(n, rho) {
  return Math.sqrt((1 + (n - 1) * rho) / n);
}

// utils.models.revenue_cv_floor: sqrt(rho).
function revenue_cv_floor(rho) {
  return Math.sqrt(rho);
}

// utils.models.independent_equivalent: N / (1 + (N - 1) rho).
function independent_equivalent(n, rho) {
  return n / (1 + (n - 1) * rho);
}

// utils.models.customers_to_near_floor: the fewest customers within `within` of the floor; null at rho = 0.
function customers_to_near_floor(rho, within = 0.1) {
  if (rho === 0) return null;
  const limit = (1 + within) ** 2 * rho;
  const closeEnough = (n) => (1 + (n - 1) * rho) / n <= limit * (1 + 1e-12);
  let needed = Math.max(1, Math.ceil((1 - rho) / (rho * ((1 + within) ** 2 - 1)) - 1e-9));
  while (needed > 1 && closeEnough(needed - 1)) needed -= 1;
  while (!closeEnough(needed)) needed += 1;
  return needed;
}

// utils.panels.demand.diversification_outcome. params: {customer_grid} (the module's CUSTOMER_GRID).
export function diversification_outcome({ n_customers, rho }, { customer_grid }) {
  const n = Math.trunc(n_customers);
  const floor = revenue_cv_floor(rho);
  const label = rho ? `floor √ρ = ${fmt(floor, ".3f")}` : "no floor when ρ = 0";
  const curves = [
    ...customer_grid.map((customers) => ({ customers, series: CORRELATED, cv: revenue_cv(customers, rho) })),
    ...customer_grid.map((customers) => ({ customers, series: INDEPENDENT, cv: revenue_cv(customers, 0) })),
  ];
  const mine = revenue_cv(n, rho);
  const needed = customers_to_near_floor(rho);
  const worth = independent_equivalent(n, rho);
  const customers = `${fmt(n, ",d")} customer${n !== 1 ? "s" : ""}`;
  let near;
  let takeaway;
  if (needed === null) {
    near = "none: with ρ = 0 there is no floor, and the CV keeps falling as customers are added";
    takeaway = `${customers} with no correlation swing ${fmt(mine, ".2f")} times as much as one; there is no floor.`;
  } else if (needed === 1) {
    near = "1: a single customer is already that close, so more customers barely help";
    takeaway = `At ρ = ${fmt(rho, ".2f")} even one customer sits near the floor: a longer list barely steadies revenue.`;
  } else {
    near = fmt(needed, ",d");
    takeaway =
      `${customers} at ρ = ${fmt(rho, ".2f")} are as steady as ${fmt(worth, ",.1f")} independent ones; ` +
      `past ${fmt(needed, ",d")} customers, signing more barely helps.`;
  }
  return {
    datasets: {
      curves,
      floor: [{ cv: floor, label }],
      mine: [{ customers: n, cv: mine }],
    },
    readout: [
      [`Revenue CV with ${fmt(n, ",d")} customers`, `${fmt(mine, ".4f")} × one customer's CV`],
      ["Floor, however many customers", `${fmt(floor, ".4f")} × one customer's CV (√ρ)`],
      [
        `${customers} correlated at ρ = ${fmt(rho, ".2f")} ${n !== 1 ? "are" : "is"} as steady as`,
        `${fmt(worth, ",.1f")} independent customer${fmt(worth, ".1f") !== "1.0" ? "s" : ""}`,
      ],
      ["Customers needed to come within 10% of the floor", near],
    ],
    takeaway,
    key: ["Revenue CV, × one customer's", mine],
  };
}
