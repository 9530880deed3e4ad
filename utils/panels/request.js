// The JavaScript twins of utils/panels/request.py (lesson 04), for the static course site: the same datasets,
// readout, takeaway and key as the Python computes. tests/test_panels_request.py holds them to Python
// (tests/panel_checks.py: assert_twin_matches).
//
// request_outcome is a seeded Monte Carlo, as its Python model (utils.models.request.simulate_requests) is,
// with its own generator: its simulated numbers (cost, p50, p99, success) agree with Python's within the
// simulations' standard errors, not digit for digit; its closed forms (expected cost, success rate,
// downtime, the bars) agree exactly. fanout_outcome is a closed form.
import { fmt } from "./_format.js";

// --- Closed forms: utils/models/request.py and utils/models/reliability.py ---------------------------

// utils.models.request.Service.call_success: 1 - (1 - a) ** (r + 1).
function call_success(service, retries) {
  return 1 - (1 - service.availability) ** (retries + 1);
}

// utils.models.request.Service.expected_attempts: sum_{k=0..r} (1 - a) ** k.
function expected_attempts(service, retries) {
  let total = 0;
  for (let k = 0; k <= retries; k += 1) total += (1 - service.availability) ** k;
  return total;
}

// utils.models.request.request_success_rate: the product over steps of call_success ** width.
function request_success_rate(services, retries) {
  return services.reduce((product, s) => product * call_success(s, retries) ** s.width, 1);
}

// utils.models.request.expected_request_cost, with its running total after each step
// (what utils.models.request.step_costs differences).
function expected_request_costs(services, retries) {
  const totals = [];
  let total = 0;
  let reach = 1;
  for (const s of services) {
    total += reach * s.width * s.cost_per_call * expected_attempts(s, retries);
    reach *= call_success(s, retries) ** s.width;
    totals.push(total);
  }
  return totals;
}

// utils.models.request.step_costs: what each step adds to the expected cost (USD per request).
function step_costs(services, retries) {
  const totals = expected_request_costs(services, retries);
  return totals.map((t, i) => t - (i === 0 ? 0 : totals[i - 1]));
}

// utils.models.reliability.monthly_downtime_minutes: (1 - A) * 43,800.
function monthly_downtime_minutes(availability, minutes_per_month) {
  return (1 - availability) * minutes_per_month;
}

// utils.models.request.step_downtime: each step's own failures as minutes a month.
function step_downtime(services, retries, minutes_per_month) {
  return services.map((s) => monthly_downtime_minutes(request_success_rate([s], retries), minutes_per_month));
}

// utils.models.reliability.fanout_slow_share: 1 - (1 - p) ** N.
function fanout_slow_share(n_calls, p_slow) {
  return 1 - (1 - p_slow) ** n_calls;
}

// --- The simulation: utils.models.request.simulate_requests ------------------------------------------
// The same model, drawn in fewer steps. Python draws every attempt of every parallel call; here, for each
// request and step, one uniform number picks how many of the step's `width` calls fail their first attempt
// (binomial), one more gives the slowest of the calls that succeed at once (the largest of m lognormal
// latencies is the lognormal at the quantile U ** (1 / m)), and only the calls that failed are followed
// attempt by attempt. The distribution is the same (tests/test_panels_request.py holds the twin, with many
// draws, to Python's closed forms and large simulations); the work is about two numbers per step and request.
//
// Random numbers by counter: each uniform is a hash of (seed, service, call, attempt, request), so a draw
// depends on nothing else. As with Python's one stream per service ("common random numbers"), moving one
// slider leaves the other services' draws alone, and moving it back gives the same numbers.

// A 32-bit integer hash (Chris Wellons' "lowbias32"): every input bit moves about half the output bits.
function mix(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

// The uniform number in (0, 1) at `counter` of the stream `key`.
function uniform(key, counter) {
  return (mix(key ^ mix(counter)) + 0.5) / 4294967296;
}

// One stream per service, parallel call and attempt.
function streamKey(seed, service, call, attempt) {
  return mix((mix((mix((mix(seed) + service) >>> 0) + call) >>> 0) + attempt) >>> 0);
}

// The standard normal quantile at p, given p and 1 - p (each exact where it is small): Acklam's rational
// approximation, relative error below 1.2e-9.
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function tail(q) {
  const t = Math.sqrt(-2 * Math.log(q));
  return (((((C[0] * t + C[1]) * t + C[2]) * t + C[3]) * t + C[4]) * t + C[5]) /
    ((((D[0] * t + D[1]) * t + D[2]) * t + D[3]) * t + 1);
}

function normal_quantile(p, upper) {
  if (p < P_LOW) return tail(p);
  if (upper < P_LOW) return -tail(upper);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

// A lognormal latency (ms) from one uniform number u.
function latency_at(service, sigma, u) {
  return service.median_ms * Math.exp(sigma * normal_quantile(u, 1 - u));
}

// The chance that 0, 1, ... width calls fail their first attempt, cumulated (binomial).
function first_failures_cdf(width, availability) {
  const cdf = [];
  let total = 0;
  let choose = 1;
  for (let f = 0; f <= width; f += 1) {
    total += choose * (1 - availability) ** f * availability ** (width - f);
    cdf.push(total);
    choose = (choose * (width - f)) / (f + 1);
  }
  return cdf;
}

// Linear interpolation between order statistics, numpy.percentile's default.
function percentile(sorted, q) {
  const position = (q / 100) * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

// utils.models.request.simulate_requests: `draws` requests through `services` in order. Each call's latency
// is lognormal (median, sigma = ln(p99 / median) / z_0.99); a failed attempt is retried up to `retries`
// times, each attempt timed and billed; a step takes as long as its slowest parallel call and fails if any
// call finally fails; a request stops after the first step that fails.
function simulate_requests(services, retries, draws, seed, z_99) {
  const latency = new Float64Array(draws);
  const cost = new Float64Array(draws);
  const alive = new Uint8Array(draws).fill(1);
  services.forEach((service, index) => {
    const { width, availability } = service;
    const sigma = Math.log(service.p99_ms / service.median_ms) / z_99;
    const cdf = first_failures_cdf(width, availability);
    const key = streamKey(seed, index, 0, 0);
    for (let i = 0; i < draws; i += 1) {
      if (!alive[i]) continue; // a request that failed earlier calls no further service
      const u = uniform(key, 2 * i) * cdf[width]; // (cdf[width] is 1 but for rounding)
      let failed = 0;
      while (u >= cdf[failed]) failed += 1;
      let slowest = 0;
      const quick = width - failed; // the calls that succeed at their first attempt
      if (quick > 0) {
        const v = Math.log(uniform(key, 2 * i + 1)) / quick; // the largest of `quick` at U ** (1 / quick)
        slowest = service.median_ms * Math.exp(sigma * normal_quantile(Math.exp(v), -Math.expm1(v)));
      }
      let attempts = width;
      let ok = true;
      for (let call = 1; call <= failed; call += 1) { // each call that failed its first attempt, in full
        let taken = latency_at(service, sigma, uniform(streamKey(seed, index, call, 0), i));
        let pending = true;
        for (let attempt = 1; attempt <= retries && pending; attempt += 1) {
          const retry = streamKey(seed, index, call, attempt);
          taken += latency_at(service, sigma, uniform(retry, 2 * i));
          attempts += 1;
          pending = uniform(retry, 2 * i + 1) >= availability;
        }
        if (taken > slowest) slowest = taken;
        if (pending) ok = false;
      }
      latency[i] += slowest;
      cost[i] += attempts * service.cost_per_call;
      if (!ok) alive[i] = 0;
    }
  });
  let total = 0;
  let answered = 0;
  for (let i = 0; i < draws; i += 1) {
    total += cost[i];
    answered += alive[i];
  }
  const sorted = Float64Array.from(latency).sort();
  return {
    cost_per_request: total / draws,
    p50_ms: percentile(sorted, 50),
    p99_ms: percentile(sorted, 99),
    success_rate: answered / draws,
    latencies_ms: latency,
  };
}

// --- The request panel: utils.panels.request.request_outcome ----------------------------------------

// utils.panels.request._edited: the services with the panel's five figures put in.
function edited(services, names, fanout_width, llm_p99_s, llm_availability_percent, video_cost) {
  return services.map((s) => {
    if (s.name === names.fanout) return { ...s, width: Math.round(fanout_width) };
    if (s.name === names.llm) return { ...s, p99_ms: llm_p99_s * 1000, availability: llm_availability_percent / 100 };
    if (s.name === names.video) return { ...s, cost_per_call: video_cost };
    return s;
  });
}

// The index of the largest value, the first of equals (numpy.argmax).
function argmax(values) {
  return values.reduce((best, v, i) => (v > values[best] ? i : best), 0);
}

// utils.panels.request._request_takeaway
function request_takeaway(services, costs, downtime, p99_s) {
  const minutes = downtime.reduce((a, b) => a + b, 0);
  const worst = argmax(downtime);
  const dearest = argmax(costs);
  const down_share = downtime[worst] / minutes;
  const cost_share = costs[dearest] / costs.reduce((a, b) => a + b, 0);
  const tail = `one request in a hundred takes over ${fmt(p99_s, ".0f")} s.`;
  if (worst === dearest) {
    return `The ${services[worst].name} causes ${fmt(down_share, ".0%")} of the downtime and ` +
      `${fmt(cost_share, ".0%")} of the cost; ${tail}`;
  }
  return `The ${services[worst].name} causes ${fmt(down_share, ".0%")} of the downtime, the ` +
    `${services[dearest].name} ${fmt(cost_share, ".0%")} of the cost; ${tail}`;
}

// The latency histogram as numpy.histogram counts it (the last bin closed), scaled to `per` requests.
function histogram(latencies_ms, edges, per) {
  const counts = new Float64Array(edges.length - 1);
  const first = edges[0];
  const last = edges.at(-1);
  const width = (last - first) / counts.length;
  for (const ms of latencies_ms) {
    const seconds = Math.min(ms / 1000, last - 1e-9);
    let bin = Math.min(Math.max(Math.floor((seconds - first) / width), 0), counts.length - 1);
    if (seconds < edges[bin]) bin -= 1;
    else if (seconds >= edges[bin + 1] && bin < counts.length - 1) bin += 1;
    counts[bin] += 1;
  }
  const scale = per / latencies_ms.length;
  return Array.from(counts, (n, i) => ({ start: edges[i], end: edges[i + 1], requests: n * scale }));
}

// utils.panels.request.request_outcome. params: {services (the table's rows as Service fields), names
// ({fanout, llm, video}: the services the sliders edit), n_requests (the chart's "of 3,000"), draws (this
// twin's simulated requests), seed, z_99, minutes_per_month, latency_edges_s, key}.
export function request_outcome(values, params) {
  const retries = Math.round(values.retries);
  const services = edited(
    params.services, params.names, values.fanout_width, values.llm_p99_s, values.llm_availability_percent,
    values.video_cost,
  );
  const run = simulate_requests(services, retries, params.draws, params.seed, params.z_99);
  const [p50_s, p99_s] = [run.p50_ms / 1000, run.p99_ms / 1000];
  const costs = step_costs(services, retries);
  const downtime = step_downtime(services, retries, params.minutes_per_month);
  const expected_cost = expected_request_costs(services, retries).at(-1);
  const success = request_success_rate(services, retries);
  const minutes = monthly_downtime_minutes(success, params.minutes_per_month);
  const hours = minutes >= 60 ? ` (${fmt(minutes / 60, ".1f")} hours)` : "";
  return {
    datasets: {
      latency: histogram(run.latencies_ms, params.latency_edges_s, params.n_requests),
      percentiles: [
        { stat: "p50", seconds: p50_s, label: `p50 ${fmt(p50_s, ".1f")} s` },
        { stat: "p99", seconds: p99_s, label: `p99 ${fmt(p99_s, ".1f")} s` },
      ],
      steps: services.map((s, i) => ({
        service: s.name,
        cost: costs[i],
        cost_label: `$${fmt(costs[i], ".4f")}`,
        downtime: downtime[i],
        downtime_label: fmt(downtime[i], ",.1f"),
      })),
    },
    readout: [
      [
        "Cost per request",
        `$${fmt(run.cost_per_request, ".4f")} simulated, $${fmt(expected_cost, ".4f")} expected ` +
          `($${fmt(1000 * expected_cost, ",.2f")} per 1,000 requests)`,
      ],
      ["Latency", `p50 ${fmt(p50_s, ".1f")} s, p99 ${fmt(p99_s, ".1f")} s (simulated)`],
      [
        "Success rate",
        `${fmt(run.success_rate, ".2%")} simulated, ${fmt(success, ".3%")} by the closed form ` +
          `(${fmt(1e6 * (1 - success), ",.1f")} failures per million requests)`,
      ],
      ["Downtime equivalent", `${fmt(minutes, ",.1f")} minutes a month${hours}`],
    ],
    takeaway: request_takeaway(services, costs, downtime, p99_s),
    key: [params.key, minutes],
  };
}

// --- The fan-out panel: utils.panels.request.fanout_outcome (a closed form) --------------------------

// params: {max_calls (the chart's range of calls), key}.
export function fanout_outcome({ n_calls, p_slow_percent }, { max_calls, key }) {
  const p = p_slow_percent / 100;
  const n = Math.round(n_calls);
  const share = fanout_slow_share(n, p);
  const takeaway =
    n === 1
      ? `With one call, a request is slow exactly as often as the call: ${fmt(share, ".1%")} of the time.`
      : `${fmt(share, ".1%")} of requests wait for a slow call: ${fmt(n, ",d")} calls make it ` +
        `${fmt(share / p, ",.1f")} times as common as for one call, not ${fmt(n, ",d")} times.`;
  const curve = Array.from({ length: max_calls }, (_, i) => ({ calls: i + 1, share: fanout_slow_share(i + 1, p) }));
  return {
    datasets: {
      curve,
      mine: [{ calls: n, share, label: `${fmt(n, ",d")} call${n === 1 ? "" : "s"}: ${fmt(share, ".1%")} slow` }],
    },
    readout: [
      ["Share of requests that are slow", `${fmt(share, ".1%")}, waiting for ${fmt(n, ",d")} parallel call${n === 1 ? "" : "s"}`],
      ["Out of 1,000 requests", `about ${fmt(1000 * share, ",.0f")} wait for at least one slow call`],
      ["One call alone", `slow ${fmt(p, ".1%")} of the time`],
    ],
    takeaway,
    key: [key, 100 * share],
  };
}
