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
  const number = Number(value).toLocaleString("en-US", {
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
  row.append(label, input, output);
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
  row.append(label, select);
  return row;
}

function renderReadout(element, items, error) {
  const parts = [];
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
    renderReadout(readout, model.get("readout"), model.get("error"));
    chart.classList.toggle("pp-stale", Boolean(model.get("error")));
  };
  showReadout();

  root.append(heading, controls, chart, readout);
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
  return () => {
    model.off("change:values", followPython);
    model.off("change:revision", loadDatasets);
    model.off("change:readout", showReadout);
    model.off("change:error", showReadout);
    finalize();
  };
}

export default { render };
