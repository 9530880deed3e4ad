// The browser half of utils.whatif.WhatIf: labeled controls, a Vega chart and
// a text readout. Python owns the model; this file only draws what it sends.
//
// It is bundled offline with Vega, Vega-Lite and Vega-Embed by
// vl_convert.javascript_bundle, which provides `vegaEmbed` without imports.
//
// Speed: the chart is embedded once. A control change sends new values to the
// kernel; the kernel answers with new rows for the chart's named datasets,
// which are swapped into the existing Vega view (no re-embedding).
// The revision Python bumps on each recomputation is what the view follows.

function formatValue(control, value) {
  const digits = control.decimals;
  const shown = control.stops ? control.stops[Number(value)] : value;
  const number = Number(shown).toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${control.prefix}${number}${control.suffix}`;
}

function sliderRow(control, id, onChange) {
  const row = document.createElement("div");
  row.className = "pp-control";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = control.label;
  const ends = document.createElement("span");
  ends.className = "pp-ends";
  ends.setAttribute("aria-hidden", "true");
  ends.textContent = `${formatValue(control, control.min)} to ${formatValue(control, control.max)}`;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.name = control.name;
  input.min = control.min;
  input.max = control.max;
  input.step = control.step;
  input.value = control.value;
  const output = document.createElement("output");
  output.htmlFor = id;
  const show = () => {
    const text = formatValue(control, input.value);
    output.textContent = text;
    input.setAttribute("aria-valuetext", text);
  };
  show();
  input.addEventListener("pp-sync", show);
  input.addEventListener("input", () => {
    show();
    onChange(control.name, Number(input.value));
  });
  const head = document.createElement("div");
  head.className = "pp-control-head";
  head.append(label, output);
  row.append(head, input, ends);
  return row;
}

function dropdownRow(control, id, onChange) {
  const row = document.createElement("div");
  row.className = "pp-control";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = control.label;
  const select = document.createElement("select");
  select.id = id;
  select.name = control.name;
  control.options.forEach((text, index) => {
    const option = document.createElement("option");
    option.value = String(index);
    option.textContent = text;
    select.append(option);
  });
  select.value = String(control.value);
  select.addEventListener("change", () => onChange(control.name, Number(select.value)));
  const head = document.createElement("div");
  head.className = "pp-control-head";
  head.append(label);
  row.append(head, select);
  return row;
}

function button(text, onClick, className = "pp-button") {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = text;
  element.setAttribute("data-lm-suppress-shortcuts", "true");
  element.addEventListener("click", onClick);
  return element;
}

// Named presets: each button moves several controls; its one-sentence argument shows below.
function presetGroup(model) {
  const group = document.createElement("div");
  group.className = "pp-presets";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Presets");
  const argument = document.createElement("p");
  argument.className = "pp-argument";
  argument.setAttribute("aria-live", "polite");
  const buttons = model.get("preset_list").map(([name]) =>
    button(name, () => model.send({ type: "preset", name }), "pp-button pp-preset"));
  const showActive = () => {
    const active = model.get("active_preset");
    const found = model.get("preset_list").find(([name]) => name === active);
    argument.textContent = found ? found[1] : "";
    buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.textContent === active)));
  };
  showActive();
  group.append(...buttons);
  return { group, argument, showActive };
}

function renderReadout(element, items, error, takeaway) {
  const parts = [];
  if (takeaway) {
    const sentence = document.createElement("p");
    sentence.className = "pp-takeaway";
    sentence.textContent = takeaway;
    parts.push(sentence);
  }
  if (error) {
    // The model could not compute the moved control's value: say why, and that
    // the chart and numbers below are from the last values that worked.
    const problem = document.createElement("p");
    problem.className = "pp-error";
    problem.setAttribute("role", "alert");
    problem.textContent = `${error} The chart and numbers below are from the last values that worked.`;
    parts.push(problem);
  }
  const list = document.createElement("ul");
  for (const [term, value] of items) {
    const item = document.createElement("li");
    const label = document.createElement("strong");
    label.textContent = `${term}: `;
    item.append(label, value);
    list.append(item);
  }
  parts.push(list);
  element.replaceChildren(...parts);
}

async function render({ model, el }) {
  const uid = `pp-${Math.random().toString(36).slice(2, 10)}`;
  const root = document.createElement("section");
  root.className = "pp-whatif";
  root.setAttribute("aria-label", model.get("title"));

  const heading = document.createElement("p");
  heading.className = "pp-title";
  heading.textContent = model.get("title");

  const controls = document.createElement("div");
  controls.className = "pp-controls";
  const values = { ...model.get("values") };
  const inputs = {};
  const onChange = (name, value) => {
    values[name] = value;
    model.set("values", { ...values });
    model.save_changes();
  };
  model.get("controls").forEach((control, i) => {
    const id = `${uid}-${i}`;
    const row = control.kind === "dropdown"
      ? dropdownRow(control, id, onChange)
      : sliderRow(control, id, onChange);
    controls.append(row);
    inputs[control.name] = row.querySelector("input, select");
    // Keys pressed on a control belong to it, not to JupyterLab's notebook
    // shortcuts, which would otherwise swallow the arrow keys.
    inputs[control.name].setAttribute("data-lm-suppress-shortcuts", "true");
  });
  const followPython = () => {
    // Python moved a control (panel.set): show it where the learner looks.
    for (const [name, value] of Object.entries(model.get("values"))) {
      values[name] = value;
      inputs[name].value = String(value);
      inputs[name].dispatchEvent(new Event("pp-sync"));
    }
  };

  const chart = document.createElement("div");
  chart.className = "pp-chart";
  const readout = document.createElement("div");
  readout.className = "pp-readout";
  readout.setAttribute("role", "status");
  readout.setAttribute("aria-live", "polite");
  const showReadout = () => {
    renderReadout(readout, model.get("readout"), model.get("error"), model.get("takeaway_text"));
    chart.classList.toggle("pp-stale", Boolean(model.get("error")));
  };
  showReadout();

  // On demand: which input matters most (a tornado chart), and one line that restores this state.
  const extra = document.createElement("div");
  extra.className = "pp-extra";
  const tools = document.createElement("div");
  tools.className = "pp-tools";
  if (model.get("has_key")) {
    tools.append(button("Which input matters most?", () => model.send({ type: "sensitivity" })));
  }
  if (model.get("controls").length) {
    tools.append(button("Share these settings", () => model.send({ type: "share" })));
  }
  const answers = async (message) => {
    if (message?.type === "sensitivity") {
      const tornado = document.createElement("div");
      tornado.className = "pp-tornado";
      extra.replaceChildren(tornado);
      await vegaEmbed(tornado, message.spec, { actions: false, renderer: "svg" });
    } else if (message?.type === "share") {
      const label = document.createElement("label");
      label.textContent = "Paste this line into a code cell to restore these settings:";
      const line = document.createElement("input");
      line.type = "text";
      line.readOnly = true;
      line.className = "pp-share";
      line.value = message.line;
      line.id = `${uid}-share`;
      label.htmlFor = line.id;
      line.setAttribute("data-lm-suppress-shortcuts", "true");
      extra.replaceChildren(label, line);
      line.select();
      navigator.clipboard?.writeText(message.line).catch(() => {});
    }
  };
  model.on("msg:custom", answers);

  const side = document.createElement("div");
  side.className = "pp-side";
  const presets = model.get("preset_list").length ? presetGroup(model) : null;
  if (presets) side.append(presets.group, presets.argument);
  side.append(controls, readout, tools);
  const body = document.createElement("div");
  body.className = "pp-body";
  body.append(side, chart);
  root.append(heading, body, extra); // the tornado and the share line take the panel's whole width
  el.append(root);

  // The first rows travel inside the spec, so the first layout already fits them.
  const spec = model.get("spec");
  spec.datasets = { ...spec.datasets, ...model.get("datasets") };
  const { view, finalize } = await vegaEmbed(chart, spec, {
    actions: false,
    renderer: "svg",
  });
  const loadDatasets = async () => {
    for (const [name, rows] of Object.entries(model.get("datasets"))) {
      view.data(name, rows);
    }
    await view.runAsync();
    // The redraw is done: tests and the benchmark wait for this.
    root.dataset.revision = String(model.get("revision"));
  };
  root.dataset.revision = String(model.get("revision"));

  model.on("change:values", followPython);
  // Every recomputation bumps the revision, even when the rows come out the same
  // (a control that does not matter in the current state): redraw on that.
  model.on("change:revision", loadDatasets);
  model.on("change:readout", showReadout);
  model.on("change:error", showReadout);
  model.on("change:takeaway_text", showReadout);
  if (presets) model.on("change:active_preset", presets.showActive);
  return () => {
    model.off("change:values", followPython);
    model.off("change:revision", loadDatasets);
    model.off("change:readout", showReadout);
    model.off("change:error", showReadout);
    model.off("change:takeaway_text", showReadout);
    model.off("msg:custom", answers);
    if (presets) model.off("change:active_preset", presets.showActive);
    finalize();
  };
}

export default { render };
