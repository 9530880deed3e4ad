// Python's format specifications, as the panels' readouts use them, for the JavaScript twins:
// fmt(1645.4, ",.0f") === "1,645" as f"{1645.4:,.0f}" is; fmt(0.171, ".1%") === "17.1%".
// Supported: [sign][,][.N](f|%|d|g). Rounding is Python's: the exact binary value, ties to even.
// tests/test_twins_format.py holds it to Python.

const SPEC = /^(?<sign>[+ -]?)(?<comma>,?)(?:\.(?<precision>\d+))?(?<type>[fd%g]?)$/;

function grouped(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// The exact decimal expansion of a non-negative double (toFixed is exact to 100 places; BigInt above 1e21).
function exactDecimal(x) {
  if (x >= 1e21) return { whole: BigInt(x).toString(), fraction: "" };
  const [whole, fraction] = x.toFixed(100).split(".");
  return { whole, fraction: fraction.replace(/0+$/, "") };
}

function incremented(digits) {
  const chars = digits.split("");
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    if (chars[i] !== "9") {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join("");
    }
    chars[i] = "0";
  }
  return `1${chars.join("")}`;
}

// x rounded to `decimals` places as Python does: correctly, ties to even.
function roundedText(x, decimals) {
  const { whole, fraction } = exactDecimal(x);
  const padded = fraction.padEnd(decimals, "0");
  let kept = whole + padded.slice(0, decimals);
  const rest = fraction.slice(decimals);
  const half = rest[0] > "5" || (rest[0] === "5" && /[1-9]/.test(rest.slice(1)));
  const tie = rest[0] === "5" && !/[1-9]/.test(rest.slice(1));
  if (half || (tie && Number(kept.at(-1)) % 2 === 1)) kept = incremented(kept);
  const cut = kept.length - decimals;
  return decimals ? `${kept.slice(0, cut)}.${kept.slice(cut)}` : kept;
}

function fixed(value, decimals, comma) {
  const text = roundedText(Math.abs(value), decimals);
  const [whole, fraction] = text.split(".");
  const body = (comma ? grouped(whole) : whole) + (fraction !== undefined ? `.${fraction}` : "");
  return { body, negative: value < 0 || Object.is(value, -0) };
}

function general(value, precision) {
  // Python's "g": precision significant digits, trailing zeros dropped, exponent outside [-4, precision).
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const p = precision === 0 ? 1 : precision;
  const exponent = Math.floor(Math.log10(Math.abs(Number(value.toPrecision(p)))));
  if (exponent < -4 || exponent >= p) {
    const [mantissa, power] = value.toExponential(p - 1).split("e");
    const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
    const sign = power.startsWith("-") ? "-" : "+";
    return `${trimmed}e${sign}${power.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  const text = value.toFixed(Math.max(0, p - 1 - exponent));
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

export function fmt(value, spec) {
  const parts = SPEC.exec(spec)?.groups;
  if (!parts || (parts.type === "" && parts.precision === undefined)) {
    throw new Error(`format spec not supported by the twins: ${JSON.stringify(spec)} (give one, e.g. ",.2f")`);
  }
  if (parts.type === "g") {
    return (parts.sign === "+" && value >= 0 ? "+" : "") + general(value, Number(parts.precision ?? 6));
  }
  const percent = parts.type === "%";
  const decimals = parts.type === "d" ? 0 : Number(parts.precision ?? 6);
  const { body, negative } = fixed(percent ? value * 100 : value, decimals, parts.comma === ",");
  const minus = parts.type === "d" ? value < 0 : negative; // "d" formats an integer: there is no -0
  const sign = minus ? "-" : parts.sign === "+" ? "+" : parts.sign === " " ? " " : "";
  return sign + body + (percent ? "%" : "");
}
