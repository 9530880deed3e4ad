// The JavaScript twin of utils/panels/concentration.py (lesson 08's mega-round panel), for the static course
// site: the same datasets, readout, takeaway and key as the Python compute.
// tests/test_panels_concentration.py holds it to Python (tests/panel_checks.py: assert_twin_matches).
//
// The synthetic quarter is utils.synthetic.synthetic_quarter: amount = median * exp(sigma * Z), Z drawn by
// numpy's default_rng(seed).standard_normal(n_deals). The first n draws of a seed do not depend on how many
// are drawn, so the panel passes each seed's draws for the most deals the slider allows (params.normals),
// and the twin takes the first n_deals of them: the same deals as Python, for every slider position.
import { fmt } from "./_format.js";

const ORDINARY = "ordinary deal (synthetic)";
const MEGA = "mega-round (synthetic)";
const WITHOUT = "without";
const WITH = "with";
const LARGEST = "largest deal";
const OTHERS = "all other deals";

// utils.synthetic.synthetic_quarter: the amounts, largest first.
function synthetic_quarter(n_deals, median_usd, sigma, normals) {
  if (normals.length < n_deals) throw new Error(`the twin holds ${normals.length} draws, not ${n_deals}`);
  const amounts = normals.slice(0, n_deals).map((z) => median_usd * Math.exp(sigma * z));
  return amounts.sort((a, b) => b - a);
}

function sum(values) {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

// numpy.median of amounts sorted largest first.
function median(sorted) {
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  return n % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// utils.models.hhi: the sum of squared percentage shares (0 to 10,000).
function hhi(amounts) {
  const total = sum(amounts);
  let squares = 0;
  for (const v of amounts) squares += (100 * v / total) ** 2;
  return squares;
}

// utils.models.gini: sum_i (2i - n - 1) x_(i) / (n * sum x), amounts sorted smallest first, ranks 1..n.
function gini(sortedDescending) {
  const n = sortedDescending.length;
  let weighted = 0;
  for (let j = 0; j < n; j += 1) weighted += (2 * (n - j) - n - 1) * sortedDescending[j]; // rank i = n - j
  return weighted / (n * sum(sortedDescending));
}

// utils.models.top_n_share with n = 1: the largest amount's share of the total.
function top_1_share(sortedDescending) {
  return sortedDescending[0] / sum(sortedDescending);
}

// utils.panels.concentration._summary
function summary(sortedDescending) {
  return {
    total: sum(sortedDescending),
    median: median(sortedDescending),
    top1: top_1_share(sortedDescending),
    hhi: hhi(sortedDescending),
    gini: gini(sortedDescending),
  };
}

// utils.panels.concentration.mega_round_outcome. params: {normals: {seed: [Z, ...]}, median_deal_usd,
// hhi_reference, change_reference, hhi_reference_2010}.
export function mega_round_outcome({ mega_round_billion, n_deals, sigma, seed }, params) {
  const { median_deal_usd, hhi_reference, change_reference, hhi_reference_2010 } = params;
  const count = Math.trunc(n_deals);
  const quarter = synthetic_quarter(count, median_deal_usd, sigma, params.normals[String(seed)]);
  const hasMega = mega_round_billion > 0;
  const mega = mega_round_billion * 1e9;
  // utils.synthetic.with_mega_round: one more deal, largest first.
  const megaRank = hasMega ? quarter.filter((amount) => amount > mega).length : -1; // its index in `after`
  const after = hasMega ? [...quarter.slice(0, megaRank), mega, ...quarter.slice(megaRank)] : quarter;
  const before = summary(quarter);
  const withIt = summary(after);

  const deals = after.map((amount_usd, i) => ({
    rank: i + 1,
    amount_usd,
    kind: i === megaRank ? MEGA : ORDINARY,
  }));
  const megaRows = hasMega
    ? [{ ...deals[megaRank], label: `mega-round: $${fmt(mega_round_billion, ",.1f")}B` }]
    : [];
  const medians = [{ amount_usd: withIt.median, label: `median deal $${fmt(withIt.median / 1e6, ",.2f")}M` }];
  const largestIsMega = hasMega && megaRank === 0;
  // Named inside its segment when the segment is wide and the largest deal's label is not in the way.
  const othersLabel = (top1) => (1 - top1 >= 0.3 && (top1 <= 0.2 || top1 > 0.6) ? OTHERS : "");
  const shares = [
    { quarter: WITHOUT, part: LARGEST, order: 0, share: before.top1,
      label: `largest: ${fmt(before.top1, ".1%")} (an ordinary deal)` },
    { quarter: WITHOUT, part: OTHERS, order: 1, share: 1 - before.top1, label: othersLabel(before.top1) },
    { quarter: WITH, part: LARGEST, order: 0, share: withIt.top1,
      label: `largest: ${fmt(withIt.top1, ".1%")} (${largestIsMega ? "the mega-round" : "an ordinary deal"})` },
    { quarter: WITH, part: OTHERS, order: 1, share: 1 - withIt.top1, label: othersLabel(withIt.top1) },
  ];
  const concentration = [
    { quarter: WITHOUT, hhi: before.hhi },
    { quarter: WITH, hhi: withIt.hhi },
  ];
  const references = [
    { hhi: hhi_reference, label: `2023: ${fmt(hhi_reference, ",.0f")}`, side: "right" },
    { hhi: hhi_reference_2010, label: `2010: ${fmt(hhi_reference_2010, ",.0f")}`, side: "left" },
  ];

  const change = withIt.hhi - before.hhi;
  const size = hasMega ? `a $${fmt(mega_round_billion, ",.1f")}B mega-round` : "no mega-round (slider at 0)";
  let takeaway;
  if (hasMega) {
    const growth = withIt.total / before.total;
    const total = growth >= 1.5 ? `multiplies the total ${fmt(growth, ",.1f")} times` : `adds ${fmt(growth - 1, ".0%")} to the total`;
    const moves = change >= 0 ? `raises the HHI by ${fmt(change, ",.0f")} points` : `lowers the HHI by ${fmt(-change, ",.0f")} points`;
    takeaway =
      `A $${fmt(mega_round_billion, ",.1f")}B round ${total} and ${moves}, while the median deal moves ` +
      `${fmt(withIt.median / before.median - 1, "+.2%")}.`;
  } else {
    takeaway =
      `With no mega-round, the largest of ${fmt(count, ",d")} deals holds ${fmt(before.top1, ".1%")} of the money ` +
      `and the HHI is ${fmt(before.hhi, ",.0f")}.`;
  }
  return {
    datasets: { deals, mega: megaRows, medians, shares, hhi: concentration, references },
    readout: [
      [
        "Synthetic quarter",
        `${fmt(count, ",d")} ordinary deals (median size $${fmt(median_deal_usd / 1e6, ",.0f")}M, ` +
          `spread ${fmt(sigma, ".1f")}) plus ${size}`,
      ],
      [
        "Total raised",
        `$${fmt(before.total / 1e9, ",.2f")}B without, $${fmt(withIt.total / 1e9, ",.2f")}B with ` +
          `(${fmt(withIt.total / before.total, ",.1f")} times)`,
      ],
      [
        "Median deal",
        `$${fmt(before.median / 1e6, ",.3f")}M without, $${fmt(withIt.median / 1e6, ",.3f")}M with ` +
          `(${fmt(withIt.median / before.median - 1, "+.2%")})`,
      ],
      ["Largest deal's share of the total (top-1)", `${fmt(before.top1, ".1%")} without, ${fmt(withIt.top1, ".1%")} with`],
      [
        "HHI (0 to 10,000)",
        `${fmt(before.hhi, ",.0f")} without, ${fmt(withIt.hhi, ",.0f")} with: ${fmt(change, "+,.0f")} points ` +
          `(reference points: above ${fmt(hhi_reference, ",.0f")}, a change of more than ${fmt(change_reference, ",.0f")})`,
      ],
      ["Gini", `${fmt(before.gini, ".3f")} without, ${fmt(withIt.gini, ".3f")} with`],
    ],
    takeaway,
    key: ["HHI with the mega-round (0 to 10,000)", withIt.hhi],
  };
}
