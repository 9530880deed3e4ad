// Brings the course's what-if panels to life on a static page: no kernel, no network.
//
// Each panel's figure holds its starting chart (SVG), its numbers and, in a
// <script class="pp-state">, what the live panel needs: controls, chart spec,
// presets and the name of its JavaScript twin (utils/panels/<module>.js), which
// computes what the Python model computes. A LocalModel plays the kernel's part
// for the same panel code JupyterLab runs (utils/whatif.js, bundled as whatif.js).
import whatif from "./whatif.js";
import * as twins from "./twins.js";

function decode(control, sent) {
  if (control.kind === "dropdown") return control.option_values[sent];
  return control.stops ? control.stops[sent] : sent;
}

function roundTo(value, decimals) {
  return Number(value.toFixed(decimals));
}

// The slider's values `spread` of its range below and above its current one (utils.whatif: Slider.around).
function around(control, sent, spread) {
  if (control.stops) {
    const last = control.stops.length - 1;
    const reach = Math.max(1, Math.round(spread * last));
    return [Math.max(0, sent - reach), Math.min(last, sent + reach)];
  }
  const delta = Math.max(spread * (control.max - control.min), control.step); // at least one step each way
  const steps = (v) => Number(((v - control.min) / control.step).toFixed(9));
  const low = control.min + Math.ceil(steps(Math.max(control.min, sent - delta))) * control.step;
  const high = control.min + Math.floor(steps(Math.min(control.max, sent + delta))) * control.step;
  return [roundTo(low, control.decimals), roundTo(high, control.decimals)];
}

// A value as Python's repr writes it, so that a shared line reads the same in both places.
function pythonValue(control, sent) {
  if (control.kind === "dropdown") return `'${control.options[sent].replace(/'/g, "\\'")}'`;
  const value = decode(control, sent);
  if (control.stops) return Number.isInteger(value) ? String(value) : String(value);
  if (Number.isInteger(control.step) && Number.isInteger(value)) return String(value);
  const rounded = roundTo(value, control.decimals);
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

class LocalModel {
  constructor(state, compute) {
    this.state = { ...state, error: "", active_preset: "", revision: 0 };
    this.compute = compute;
    this.handlers = new Map();
    this.refresh();
    this.state.revision = 0;
  }

  get(key) {
    return this.state[key];
  }

  set(key, value) {
    this.state[key] = value;
  }

  on(event, handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event).add(handler);
  }

  off(event, handler) {
    this.handlers.get(event)?.delete(handler);
  }

  emit(event, payload) {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }

  arguments(values = this.state.values) {
    return Object.fromEntries(this.state.controls.map((c) => [c.name, decode(c, values[c.name])]));
  }

  run(values) {
    return this.compute(this.arguments(values), this.state.twin.params);
  }

  // What WhatIf._refresh does in Python: recompute, or keep the last good chart and say why.
  refresh() {
    let outcome;
    try {
      outcome = this.run(this.state.values);
    } catch (failure) {
      this.state.error = `These values cannot be computed: ${failure.message}`;
      this.emit("change:error");
      return;
    }
    Object.assign(this.state, {
      datasets: outcome.datasets,
      readout: outcome.readout,
      takeaway_text: outcome.takeaway ?? "",
      error: "",
    });
    this.state.revision += 1;
    const match = Object.entries(this.state.presets).find(([, values]) =>
      Object.entries(values).every(([name, sent]) => this.state.values[name] === sent));
    this.state.active_preset = match ? match[0] : "";
    for (const key of ["readout", "takeaway_text", "error", "active_preset", "revision"]) this.emit(`change:${key}`);
  }

  save_changes() {
    this.refresh();
  }

  keyAt(values) {
    return this.run(values).key[1];
  }

  sensitivityRows() {
    const rows = [];
    for (const control of this.state.controls.filter((c) => c.kind === "slider")) {
      const [low, high] = around(control, this.state.values[control.name], 0.2);
      const at = (sent) => this.keyAt({ ...this.state.values, [control.name]: sent });
      const [lowKey, highKey] = [at(low), at(high)];
      const shown = (sent) => Number(decode(control, sent).toPrecision(6));
      rows.push({ control: control.label, low: lowKey, high: highKey, swing: Math.abs(highKey - lowKey),
                  range: `${shown(low)} to ${shown(high)}` });
    }
    return rows.sort((a, b) => b.swing - a.swing);
  }

  send(message) {
    const reply = (answer) => queueMicrotask(() => this.emit("msg:custom", answer));
    if (message.type === "preset") {
      this.state.values = { ...this.state.values, ...this.state.presets[message.name] };
      this.emit("change:values");
      this.refresh();
    } else if (message.type === "sensitivity") {
      const spec = { ...this.state.tornado_spec, datasets: { sensitivity: this.sensitivityRows() } };
      reply({ type: "sensitivity", spec });
    } else if (message.type === "share") {
      const args = this.state.controls.map((c) => `${c.name}=${pythonValue(c, this.state.values[c.name])}`);
      reply({ type: "share", line: `${this.state.name}.set(${args.join(", ")})` });
    }
  }
}

async function bringToLife(figure) {
  const script = figure.querySelector("script.pp-state");
  if (!script) return;
  const state = JSON.parse(script.textContent);
  const compute = twins[state.twin.module]?.[state.twin.function];
  if (!compute) {
    console.warn(`no twin ${state.twin.module}.${state.twin.function}: the panel stays a picture`);
    return;
  }
  const host = document.createElement("div");
  host.className = "pp-live";
  figure.before(host);
  await whatif.render({ model: new LocalModel(state, compute), el: host });
  figure.hidden = true; // the live panel shows the same starting state; the picture stays for no-JS readers
}

for (const figure of document.querySelectorAll("figure.pp-static")) await bringToLife(figure);
document.body.dataset.panelsLive = "true";

export { LocalModel, around, decode };
