// The panels of lesson 07 for the static course site: twins of utils/panels/portfolio.py.
//
// portfolio (`shots`) and allocation simulate 2,000 portfolios of power-law deals, as the Python panels do
// with numpy. Rather than a generator of its own, whose numbers would differ from Python's by the simulation's
// noise (for a tail exponent of 2 or less the mean has no finite variance, so no tolerance would hold), the
// twin draws numpy's own stream: the PCG64 generator started from the state numpy.random.default_rng(SEED)
// has (the Twin's params), uniforms as numpy.random.Generator.random makes them and exponentials by the
// same 256-layer ziggurat as Generator.standard_exponential. The simulated portfolios are then the same
// portfolios, and the readout the same to the displayed digit (tests/test_panels_portfolio.py).
// calibration is closed form.
import { fmt } from "./_format.js";

// ---------------------------------------------------------------- numpy's stream, drawn again

// PCG64: a 128-bit linear congruential state, its 64-bit output by xor of the halves and a rotation.
// Arithmetic on eight 16-bit limbs (least significant first) keeps every product exact in a double.
const MULTIPLIER = limbs("2360ed051fc65da44385df649fccf645"); // PCG's default 128-bit multiplier

function limbs(hex) {
  const digits = hex.replace(/^0x/, "").padStart(32, "0");
  return Array.from({ length: 8 }, (_, i) => parseInt(digits.slice(28 - 4 * i, 32 - 4 * i), 16));
}

class RawStream {
  // The 64-bit outputs of a PCG64 started at `state` with increment `inc`, each as two 32-bit halves.
  constructor(state, inc) {
    this.state = Float64Array.from(limbs(state));
    this.inc = limbs(inc);
    this.hi = new Uint32Array(0);
    this.lo = new Uint32Array(0);
    this.length = 0;
  }

  // Make sure the first `count` outputs are drawn (they are kept: every redraw starts from the same seed).
  ensure(count) {
    if (count <= this.length) return;
    if (count > this.hi.length) {
      const size = Math.max(count, 2 * this.hi.length, 1 << 16);
      const hi = new Uint32Array(size);
      const lo = new Uint32Array(size);
      hi.set(this.hi.subarray(0, this.length));
      lo.set(this.lo.subarray(0, this.length));
      [this.hi, this.lo] = [hi, lo];
    }
    const s = this.state;
    const [m0, m1, m2, m3, m4, m5, m6, m7] = MULTIPLIER;
    const [c0, c1, c2, c3, c4, c5, c6, c7] = this.inc;
    let [a0, a1, a2, a3, a4, a5, a6, a7] = s;
    const { hi, lo } = this;
    for (let k = this.length; k < count; k += 1) {
      // state = state * MULTIPLIER + inc (mod 2 ** 128), limb by limb, each sum below 2 ** 36: exact.
      let t = a0 * m0 + c0;
      let carry = Math.floor(t / 65536);
      const b0 = t - carry * 65536;
      t = carry + a0 * m1 + a1 * m0 + c1;
      carry = Math.floor(t / 65536);
      const b1 = t - carry * 65536;
      t = carry + a0 * m2 + a1 * m1 + a2 * m0 + c2;
      carry = Math.floor(t / 65536);
      const b2 = t - carry * 65536;
      t = carry + a0 * m3 + a1 * m2 + a2 * m1 + a3 * m0 + c3;
      carry = Math.floor(t / 65536);
      const b3 = t - carry * 65536;
      t = carry + a0 * m4 + a1 * m3 + a2 * m2 + a3 * m1 + a4 * m0 + c4;
      carry = Math.floor(t / 65536);
      const b4 = t - carry * 65536;
      t = carry + a0 * m5 + a1 * m4 + a2 * m3 + a3 * m2 + a4 * m1 + a5 * m0 + c5;
      carry = Math.floor(t / 65536);
      const b5 = t - carry * 65536;
      t = carry + a0 * m6 + a1 * m5 + a2 * m4 + a3 * m3 + a4 * m2 + a5 * m1 + a6 * m0 + c6;
      carry = Math.floor(t / 65536);
      const b6 = t - carry * 65536;
      t = carry + a0 * m7 + a1 * m6 + a2 * m5 + a3 * m4 + a4 * m3 + a5 * m2 + a6 * m1 + a7 * m0 + c7;
      const b7 = t - Math.floor(t / 65536) * 65536;
      a0 = b0;
      a1 = b1;
      a2 = b2;
      a3 = b3;
      a4 = b4;
      a5 = b5;
      a6 = b6;
      a7 = b7;
      // XSL-RR: the high 64 bits xor the low 64, rotated right by the state's top six bits.
      const xh = ((b7 << 16) | b6) ^ ((b3 << 16) | b2);
      const xl = ((b5 << 16) | b4) ^ ((b1 << 16) | b0);
      const rot = b7 >>> 10;
      const r = rot & 31;
      const h = rot < 32 ? xh : xl;
      const l = rot < 32 ? xl : xh;
      hi[k] = r === 0 ? h : (h >>> r) | (l << (32 - r));
      lo[k] = r === 0 ? l : (l >>> r) | (h << (32 - r));
    }
    s.set([a0, a1, a2, a3, a4, a5, a6, a7]);
    this.length = count;
  }

  // The output's top 53 bits, an integer below 2 ** 53 (numpy's `next_uint64(...) >> 11`).
  top53(k) {
    return this.hi[k] * 2097152 + (this.lo[k] >>> 11);
  }

  // numpy's next_double: a uniform in [0, 1) from the output's top 53 bits.
  double(k) {
    return this.top53(k) / 9007199254740992;
  }
}

// The exponential ziggurat's tables (Marsaglia and Tsang's 256 layers, in numpy's 53-bit form), for layer i
// with right edge x_i: KE[i] = floor(2 ** 53 * x_(i-1) / x_i), the accept threshold of a 53-bit integer;
// WE[i] = x_i / 2 ** 53, its scale; FE[i] = exp(-x_i). Computed here in double precision, they agree with
// numpy's to about 1e-13: over three million draws every exponential matched numpy's within 3e-14.
const ZIGGURAT_R = 7.69711747013104972; // where the base layer's tail starts
const [KE, WE, FE] = (() => {
  const m2 = 2 ** 53;
  const area = (ZIGGURAT_R + 1) * Math.exp(-ZIGGURAT_R); // each layer's area: the base's rectangle and tail
  const ke = new Float64Array(256);
  const we = new Float64Array(256);
  const fe = new Float64Array(256);
  let x = ZIGGURAT_R;
  let previous = x;
  const q = area / Math.exp(-x);
  ke[0] = Math.floor((x / q) * m2);
  we[0] = q / m2;
  we[255] = x / m2;
  fe[0] = 1;
  fe[255] = Math.exp(-x);
  for (let i = 254; i >= 1; i -= 1) {
    x = -Math.log(area / x + Math.exp(-x));
    ke[i + 1] = Math.floor((x / previous) * m2);
    previous = x;
    fe[i] = Math.exp(-x);
    we[i] = x / m2;
  }
  return [ke, we, fe];
})();

// numpy's random_standard_exponential_zig_fill: `out.length` exponentials from the stream's output `k` on.
// Returns the output after the last one read (a draw takes one output, rarely two or more).
function fillExponentials(stream, k, out) {
  stream.ensure(k + out.length + 64);
  for (let i = 0; i < out.length; i += 1) {
    for (;;) {
      if (k + 2 > stream.length) stream.ensure(k + 1024);
      const idx = (stream.lo[k] >>> 3) & 0xff;
      const ri = stream.hi[k] * 2097152 + (stream.lo[k] >>> 11);
      const x = ri * WE[idx];
      k += 1;
      if (ri < KE[idx]) {
        out[i] = x;
        break;
      }
      const u = stream.double(k);
      k += 1;
      if (idx === 0) {
        out[i] = ZIGGURAT_R - Math.log(1 - u);
        break;
      }
      if ((FE[idx - 1] - FE[idx]) * u + FE[idx] < Math.exp(-x)) {
        out[i] = x;
        break;
      }
    }
  }
  return k;
}

const streams = new Map(); // one per starting state: drawn once, read by every redraw

// The stream from `params.pcg64`'s state, kept: every redraw starts from the same seed. The first redraw draws
// what it needs; then, once the page is idle, the stream is drawn as far as the most deals need (per deal one
// output for its uniform, one for its exponential and about 3 % more where the ziggurat draws again), so that
// a later jump to many deals only reads it.
function streamFor(params) {
  const { state, inc } = params.pcg64;
  const key = `${state}/${inc}`;
  if (!streams.has(key)) {
    const stream = new RawStream(state, inc);
    streams.set(key, stream);
    globalThis.setTimeout?.(() => stream.ensure(Math.ceil(2.05 * params.portfolios * params.max_deals)), 0);
  }
  return streams.get(key);
}

let scratch = new Float64Array(0); // the exponentials of the deals being drawn, reused: no garbage per redraw

function exponentialsBuffer(size) {
  if (scratch.length < size) scratch = new Float64Array(size);
  return scratch;
}

// numpy's pairwise summation (what deals.mean(axis=1) and multiples.mean() add with), over a[from, from + n).
function pairwiseSum(a, from, n) {
  if (n < 8) {
    let sum = 0;
    for (let i = from; i < from + n; i += 1) sum += a[i];
    return sum;
  }
  if (n <= 128) {
    const r = [a[from], a[from + 1], a[from + 2], a[from + 3], a[from + 4], a[from + 5], a[from + 6], a[from + 7]];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j += 1) r[j] += a[from + i + j];
    let sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i += 1) sum += a[from + i];
    return sum;
  }
  const half = Math.floor(n / 2) - (Math.floor(n / 2) % 8);
  return pairwiseSum(a, from, half) + pairwiseSum(a, from + half, n - half);
}

// ---------------------------------------------------------------- the models (utils/models/portfolio.py)

// deal_mean_multiple: (1 - p) * alpha / (alpha - 1).
function dealMeanMultiple(p, alpha) {
  return ((1 - p) * alpha) / (alpha - 1);
}

// prob_deal_at_least: (1 - p) * m ** -alpha.
function probDealAtLeast(multiple, p, alpha) {
  return (1 - p) * multiple ** -alpha;
}

// prob_at_least_one_hit: 1 - (1 - q) ** N.
function probAtLeastOneHit(n, p, alpha, multiple = 10) {
  return 1 - (1 - probDealAtLeast(multiple, p, alpha)) ** n;
}

// fund_returning_multiple: one of N equal checks returns the fund at N times the money.
function fundReturningMultiple(n) {
  return n;
}

// split_deals: the infrastructure count rounded half up, the rest application deals.
function splitDeals(n, infraPercent) {
  const infra = Math.floor((n * infraPercent) / 100 + 0.5);
  return [n - infra, infra];
}

// _held: the groups that hold deals.
function held(groups) {
  return groups.filter((g) => g.deals);
}

// expected_multiple: each group's mean deal weighted by its deals (numpy.average).
function expectedMultiple(groups) {
  const h = held(groups);
  let total = 0;
  let weights = 0;
  for (const g of h) {
    total += dealMeanMultiple(g.p, g.alpha) * g.deals;
    weights += g.deals;
  }
  return total / weights;
}

// chance_of_a_hit: 1 - prod_g (1 - q_g) ** N_g.
function chanceOfAHit(groups, multiple = 10) {
  let misses = 1;
  for (const g of held(groups)) misses *= 1 - probAtLeastOneHit(g.deals, g.p, g.alpha, multiple);
  return 1 - misses;
}

// ---------------------------------------------------------------- the simulated portfolios (_simulated)

const HIT = 10; // a "10x" deal
const DISPLAY_MIN = 0.1;
const DISPLAY_MAX = 100;
const PLOT_WIDTH = 400;
const MEAN = "Mean";
const MEDIAN = "Median";
const MONEY_BACK = "1x: money back";

const clip = (x, low, high) => Math.min(Math.max(x, low), high);

// _label_positions: the Mean and Median names over their lines, never on each other nor off the plot.
function labelPositions(mean, median) {
  const toPx = (multiple) => (PLOT_WIDTH * Math.log10(multiple / DISPLAY_MIN)) / 3;
  const half = { [MEAN]: 20, [MEDIAN]: 27 };
  const centers = { [MEAN]: toPx(mean), [MEDIAN]: toPx(median) };
  // Python sorts by (center, is Mean): the smaller center left, Median first on a tie.
  const [left, right] = centers[MEAN] < centers[MEDIAN] ? [MEAN, MEDIAN] : [MEDIAN, MEAN];
  const gap = half[left] + half[right] + 4 - (centers[right] - centers[left]);
  if (gap > 0) {
    centers[left] -= gap / 2;
    centers[right] += gap / 2;
  }
  centers[left] = Math.max(centers[left], half[left]);
  centers[right] = Math.max(centers[right], centers[left] + half[left] + half[right] + 4);
  centers[right] = Math.min(centers[right], PLOT_WIDTH - half[right]);
  centers[left] = Math.min(centers[left], centers[right] - half[left] - half[right] - 4);
  const at = (px) => DISPLAY_MIN * 10 ** ((3 * px) / PLOT_WIDTH);
  return { [MEAN]: at(centers[MEAN]), [MEDIAN]: at(centers[MEDIAN]) };
}

// simulate_mixed_deals, then _simulated's statistics: each group draws its uniforms (zero or not) and then its
// exponentials (the Pareto multiple exp(E / alpha)) from one stream, in the groups' order, row by row.
function simulated(groups, params) {
  const portfolios = params.portfolios;
  const stream = streamFor(params);
  const h = held(groups);
  const nDeals = h.reduce((sum, g) => sum + g.deals, 0);
  const buffer = exponentialsBuffer(portfolios * nDeals);
  const draws = [];
  let k = 0;
  let filled = 0;
  for (const g of h) {
    const size = portfolios * g.deals;
    stream.ensure(k + size);
    const e = buffer.subarray(filled, filled + size);
    draws.push({ ...g, uniformsAt: k, e });
    k = fillExponentials(stream, k + size, e);
    filled += size;
  }
  const bar = fundReturningMultiple(nDeals);
  const multiples = new Float64Array(portfolios);
  const row = new Float64Array(nDeals);
  const { hi, lo } = stream;
  let ten = 0;
  let fund = 0;
  for (let i = 0; i < portfolios; i += 1) {
    let column = 0;
    let top = 0;
    for (const { deals, p, alpha, uniformsAt, e } of draws) {
      const zeroBelow = p * 9007199254740992; // u < p, with u = (top 53 bits) / 2 ** 53: exact
      for (let j = 0, at = i * deals; j < deals; j += 1, at += 1) {
        const k = uniformsAt + at;
        const deal = hi[k] * 2097152 + (lo[k] >>> 11) < zeroBelow ? 0 : Math.exp(e[at] / alpha);
        row[column] = deal;
        column += 1;
        if (deal > top) top = deal;
      }
    }
    multiples[i] = pairwiseSum(row, 0, nDeals) / nDeals;
    if (top >= HIT) ten += 1;
    if (top >= bar) fund += 1;
  }
  const mean = pairwiseSum(multiples, 0, portfolios) / portfolios;
  const sorted = Float64Array.from(multiples).sort();
  const median =
    portfolios % 2 ? sorted[(portfolios - 1) / 2] : (sorted[portfolios / 2 - 1] + sorted[portfolios / 2]) / 2;
  let loss = 0;
  for (const m of multiples) if (m < 1) loss += 1;

  // numpy.histogram of the multiples clipped to the display: [edge, next edge), the last bin closed.
  const edges = params.bin_edges;
  const counts = new Array(edges.length - 1).fill(0);
  for (const m of multiples) {
    const x = clip(m, DISPLAY_MIN, DISPLAY_MAX);
    if (x < edges[0] || x > edges.at(-1)) continue;
    let lo = 0;
    let hi = edges.length - 1; // the bin is the last edge at or below x
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] <= x) lo = mid;
      else hi = mid;
    }
    counts[Math.min(lo, counts.length - 1)] += 1;
  }
  const inset = 10 ** ((3 * 14) / PLOT_WIDTH);
  const bins = counts.map((count, i) => ({
    low: edges[i],
    high: edges[i + 1],
    share: count / portfolios,
    label_at: clip(Math.sqrt(edges[i] * edges[i + 1]), DISPLAY_MIN * inset, DISPLAY_MAX / inset),
  }));
  const [shownMean, shownMedian, shownOne] = [mean, median, 1].map((v) => clip(v, DISPLAY_MIN, DISPLAY_MAX));
  const where = labelPositions(shownMean, shownMedian);
  const rules = [
    { statistic: MEAN, multiple: shownMean, label_at: where[MEAN] },
    { statistic: MEDIAN, multiple: shownMedian, label_at: where[MEDIAN] },
    { statistic: MONEY_BACK, multiple: shownOne, label_at: null },
  ];
  return {
    datasets: { bins, rules },
    mean,
    median,
    loss: loss / portfolios,
    ten: ten / portfolios,
    fund: fund / portfolios,
    nDeals,
    bar,
  };
}

const pct = (share) => fmt(share, ",.1%"); // _pct

// _readout
function readout(sim, groups, tenNote) {
  const bar = sim.bar;
  return [
    ["Mean", `${fmt(sim.mean, ",.2f")}x simulated; model: ${fmt(expectedMultiple(groups), ",.2f")}x`],
    ["Median", `${fmt(sim.median, ",.2f")}x (half return less)`],
    ["Below 1x", `${pct(sim.loss)} of portfolios`],
    ["At least one 10x", `${pct(sim.ten)} simulated; formula: ${pct(chanceOfAHit(groups))}${tenNote}`],
    [
      "A fund-returning deal",
      `${pct(sim.fund)} simulated; formula: ${pct(chanceOfAHit(groups, bar))} ` +
        `(${fmt(bar, "g")}x or more with ${sim.nDeals} check${sim.nDeals !== 1 ? "s" : ""})`,
    ],
  ];
}

// portfolio_outcome: portfolios of n_deals alike deals.
export function portfolio(values, params) {
  const { n_deals: n, zeros_percent: zeros, alpha } = values;
  const groups = [{ deals: Math.trunc(n), p: zeros / 100, alpha }];
  const sim = simulated(groups, params);
  const q = probDealAtLeast(HIT, zeros / 100, alpha);
  const modelMean = expectedMultiple(groups);
  const side = sim.median < modelMean ? "below" : "at or above";
  return {
    datasets: sim.datasets,
    readout: readout(sim, groups, ` (one deal: ${fmt(q, ".2%")})`),
    takeaway:
      `The median ${sim.nDeals}-deal portfolio returns ${fmt(sim.median, ",.2f")}x, ${side} the model's mean of ` +
      `${fmt(modelMean, ",.2f")}x, and ${pct(sim.loss)} of portfolios lose money.`,
    key: ["Portfolios below 1x (%)", 100 * sim.loss],
  };
}

// allocation_outcome: portfolios split between application and infrastructure bets.
export function allocation(values, params) {
  const [nApp, nInfra] = splitDeals(Math.trunc(values.n_deals), values.infra_percent);
  const appP = values.app_zeros_percent / 100;
  const infraP = values.infra_zeros_percent / 100;
  const groups = [
    { deals: nApp, p: appP, alpha: values.app_alpha },
    { deals: nInfra, p: infraP, alpha: values.infra_alpha },
  ];
  const sim = simulated(groups, params);
  const appMean = dealMeanMultiple(appP, values.app_alpha);
  const infraMean = dealMeanMultiple(infraP, values.infra_alpha);
  // Python compares round(mean, 2): the numbers as the sentence shows them.
  const shown = (x) => Number(fmt(x, ".2f"));
  const verb = shown(infraMean) < shown(appMean) ? "trails" : infraMean > appMean ? "beats" : "matches";
  return {
    datasets: sim.datasets,
    readout: [["Deals", `${nApp} application + ${nInfra} infrastructure`], ...readout(sim, groups, "")],
    takeaway:
      `${pct(sim.loss)} of portfolios lose money, ${pct(chanceOfAHit(groups, sim.bar))} hold a ` +
      `fund-returning deal; infrastructure's mean deal, ${fmt(infraMean, ",.2f")}x, ${verb} applications', ` +
      `${fmt(appMean, ",.2f")}x.`,
    key: ["The model's mean portfolio multiple (x)", expectedMultiple(groups)],
  };
}

// ---------------------------------------------------------------- calibration (closed form)

// _short: "Horsley Bridge (shown by a16z in 2015)" -> "Horsley".
const short = (source) => source.split(" ")[0];

// calibration_outcome: the model's share of deals at each multiple beside the published shares
// (params.points: published_at_least(returns), sorted by source and multiple; params.curve_grid: 1x to 100x).
export function calibration(values, params) {
  const p = values.zeros_percent / 100;
  const alpha = values.alpha;
  const points = params.points;
  const curve = params.curve_grid.map((multiple) => ({ multiple, share: probDealAtLeast(multiple, p, alpha) }));
  const multiples = [...new Set(points.map((r) => r.multiple))].sort((a, b) => a - b);
  const rows = multiples.map((multiple) => {
    const here = points.filter((r) => r.multiple === multiple);
    const published = here.map((r) => `${short(r.source)} ${fmt(r.share, ".1%")}`).join(", ");
    return [`${fmt(multiple, "g")}x or more`, `model ${fmt(probDealAtLeast(multiple, p, alpha), ".1%")}; ${published}`];
  });
  const publishedRange = (multiple) => {
    const shares = points.filter((r) => r.multiple === multiple).map((r) => r.share);
    const [low, high] = [fmt(Math.min(...shares), ".0%"), fmt(Math.max(...shares), ".0%")];
    return low === high ? low : `${low} to ${high}`;
  };
  const modelTen = probDealAtLeast(HIT, p, alpha);
  return {
    datasets: { curve, points },
    readout: rows,
    takeaway:
      `The model puts ${fmt(modelTen, ".1%")} of deals at 10x or more (published: ${publishedRange(HIT)}) and ` +
      `${fmt(1 - p, ".0%")} at 1x or more (published: ${publishedRange(1)}).`,
    key: ["The model's share of deals at 10x or more (%)", 100 * modelTen],
  };
}
