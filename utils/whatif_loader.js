// The module every what-if panel sends to the page: a few hundred bytes that load the
// real panel module (utils/whatif.js bundled with Vega, about 0.9 MB) once per page.
//
// Where it comes from, first that works:
//   - JupyterLab: the course's server extension serves it at <base>/plumbing-premium/;
//   - Voila (make present): the offline template's static folder, <base>/voila/static/;
//   - anywhere else (VS Code, Colab, a server without the extension): the kernel sends
//     it once over the widget's own channel.
// The module is shared by every panel of the page (globalThis), so it travels once.
const NAME = "__BUNDLE__";

function pageBaseUrl() {
  const config = document.getElementById("jupyter-config-data");
  try {
    return JSON.parse(config.textContent).baseUrl || "/";
  } catch {
    return null;
  }
}

function staticUrls() {
  const base = pageBaseUrl();
  if (base === null) return [];
  const root = base.endsWith("/") ? base : `${base}/`;
  const voila = document.body.dataset.voila === "voila";
  return [new URL(`${root}${voila ? "voila/static" : "plumbing-premium"}/${NAME}`, location.href).href];
}

function fromKernel(model) {
  return new Promise((resolve, reject) => {
    const listen = (message) => {
      if (message?.type !== "bundle") return;
      model.off("msg:custom", listen);
      const url = URL.createObjectURL(new Blob([message.source], { type: "text/javascript" }));
      import(url).then(resolve, reject);
    };
    model.on("msg:custom", listen);
    model.send({ type: "bundle" });
  });
}

async function loadPanelModule(model) {
  for (const url of staticUrls()) {
    try {
      return await import(url);
    } catch {
      // not served here: try the next source
    }
  }
  return fromKernel(model);
}

export default {
  async render(context) {
    const modules = (globalThis.__plumbingPremium ??= {});
    modules[NAME] ??= loadPanelModule(context.model);
    const panel = await modules[NAME];
    return panel.default.render(context);
  },
};
