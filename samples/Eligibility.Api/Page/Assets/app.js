// The page's only script: reads the form, POSTs JSON to this server (patient facts only ever in request bodies), and
// renders the answer and the maps with DOM methods (never innerHTML with data). Loads nothing from anywhere else.
"use strict";

(function () {
  const outcomes = {
    "qualifies": { word: "Qualifies", verdict: (p) => `Yes: this condition qualifies in ${p}.`,
      next: "Ask a practitioner registered with the program to certify you, then register with the program." },
    "qualifies-with-requirements": { word: "Qualifies with requirements", verdict: (p) => `Yes, if the requirements below are met, in ${p}.`,
      next: "Show the practitioner the requirements below; if they can attest them, they can certify you, and you then register with the program." },
    "practitioner-discretion": { word: "Practitioner may certify", verdict: (p) => `Possibly: it is not on the list in ${p}, but a practitioner may certify it at their discretion.`,
      next: "Ask a practitioner registered with the program whether they will certify this condition." },
    "not-qualifying": { word: "Not qualifying", verdict: (p) => `No: it is not a qualifying condition in ${p}.`,
      next: "Ask a practitioner whether another condition you have qualifies, or whether the program accepts petitions to add a condition." },
    "no-program": { word: "No program", verdict: (p) => `No: ${p} has no medical-cannabis program on this date.`,
      next: "There is no card to apply for here on this date." },
    "law-unknown": { word: "Law unknown", verdict: (p) => `Unknown: our data does not establish the status of this condition in ${p}.`,
      next: "Ask the program or a practitioner there; we do not guess." },
    "unknown-condition": { word: "Not recognised", verdict: () => "We could not recognise this condition.",
      next: "Try another wording, the diagnosis name or its ICD-10 code." },
  };
  const basisWords = {
    "listed": "the law lists this condition",
    "broader-condition": "the law lists a broader condition this is a kind of",
    "narrower-condition": "the law lists a narrower form of this condition",
    "implied-condition": "the law lists a condition this one implies",
    "practitioner-discretion": "a practitioner may certify conditions that are not listed",
    "none": "no listing applies",
  };
  const fields = ["condition", "jurisdiction", "age", "medications", "asOf"];
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) node.setAttribute(k, v);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function safeLink(url, text) {
    // Only http(s) sources become links; anything else is shown as text.
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      return el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, text);
    }
    return document.createTextNode(text);
  }

  function showError(field, message) {
    const target = fields.includes(field) ? field : "form";
    const box = $(`${target}-error`);
    box.textContent = message;
    box.hidden = false;
    if (target !== "form") $(target).setAttribute("aria-invalid", "true");
    return target;
  }

  function clearErrors() {
    for (const f of fields) {
      $(`${f}-error`).hidden = true;
      $(`${f}-error`).textContent = "";
      $(f).removeAttribute("aria-invalid");
    }
    $("form-error").hidden = true;
    $("form-error").textContent = "";
  }

  // Which field a server problem concerns, from its detail (the API names what was wrong).
  function fieldOf(detail) {
    const d = (detail || "").toLowerCase();
    if (d.includes("jurisdiction")) return "jurisdiction";
    if (d.includes("asof") || d.includes("date")) return "asOf";
    if (d.includes("age")) return "age";
    if (d.includes("medication")) return "medications";
    if (d.includes("condition")) return "condition";
    return "form";
  }

  function readForm() {
    const errors = [];
    const condition = $("condition").value.trim();
    if (!condition) errors.push(["condition", "Enter a condition, e.g. opioid use disorder."]);
    const ageText = $("age").value.trim();
    let age = null;
    if (ageText) {
      if (!/^\d{1,3}$/.test(ageText) || Number(ageText) > 130) errors.push(["age", "Enter the age as a whole number of years from 0 to 130, or leave it empty."]);
      else age = Number(ageText);
    }
    const asOfText = $("asOf").value.trim();
    let asOf = null;
    if (asOfText) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOfText);
      const day = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      if (!m || day.getUTCFullYear() !== +m[1] || day.getUTCMonth() !== +m[2] - 1 || day.getUTCDate() !== +m[3]) {
        errors.push(["asOf", "Enter a real date as YYYY-MM-DD, e.g. 2026-11-22, or leave it empty for today."]);
      } else asOf = asOfText;
    }
    const medications = $("medications").value.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s.length > 0);
    if (medications.length > 50) errors.push(["medications", "Enter at most 50 medications."]);
    return { errors, condition, jurisdiction: $("jurisdiction").value, age, asOf, visitor: $("visitor").checked, medications };
  }

  async function postJson(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "same-origin",
    });
    let payload = null;
    try { payload = await response.json(); } catch { payload = null; }
    if (!response.ok) {
      const error = new Error((payload && payload.detail) || `The server answered ${response.status}.`);
      error.problem = true;
      throw error;
    }
    return payload;
  }

  function renderRoutes(c, place) {
    if (!Array.isArray(c.routes) || c.routes.length === 0) return null;
    const list = el("ul", { class: "routes" });
    for (const r of c.routes) {
      const o = outcomes[r.outcome] || { word: r.outcome };
      const item = el("li", {},
        el("span", { class: "badge", "data-outcome": r.outcome }, o.word), " ",
        basisWords[r.basis] || r.basis || "");
      if (r.citation) item.append(". ", safeLink(r.sourceUrl, r.citation));
      if (Array.isArray(r.requirements) && r.requirements.length > 0) {
        const reqs = el("ul", {});
        for (const q of r.requirements) reqs.append(el("li", {}, typeof q === "string" ? q : (q.text || JSON.stringify(q))));
        item.append(reqs);
      }
      list.append(item);
    }
    return el("div", {}, el("h4", {}, `Routes to a card in ${place}`), list);
  }

  function renderDecision(d) {
    const body = $("answer-body");
    body.replaceChildren();
    const place = d.jurisdictionName || d.jurisdiction;
    body.append(el("p", {}, `${place} (${d.jurisdiction}), law as of ${d.asOf}. `, el("strong", {}, "Not legal advice."),
      ` Data for ${place} last verified ${d.data && d.data.lastVerified}.`));
    for (const c of d.conditions) {
      const o = outcomes[c.outcome] || { word: c.outcome, verdict: () => c.summary, next: "" };
      const heading = c.conditionName ? `${c.conditionName}` : "A condition we could not recognise";
      const box = el("article", { class: "result", "data-condition": c.condition || "", "data-outcome": c.outcome });
      box.append(el("h3", {}, heading, " ", el("span", { class: "badge", "data-outcome": c.outcome }, o.word)));
      box.append(el("p", { class: "hint" }, `Read from what you typed: “${c.input}”.`));
      box.append(el("p", { class: "verdict" }, o.verdict(place)));
      const why = [basisWords[c.basis] ? `Why: ${basisWords[c.basis]}` : null, c.listedAs ? ` (listed as ${c.listedAs})` : null, c.wording ? `; the law says “${c.wording}”.` : "."].filter(Boolean).join("");
      box.append(el("p", {}, why));
      if (c.productScope === "low-thc") box.append(el("p", {}, "Only low-THC products are allowed."));
      if (c.citation) box.append(el("p", {}, "Law: ", safeLink(c.sourceUrl, c.citation), c.confidence ? ` (${c.confidence} confidence)` : ""));
      const routes = renderRoutes(c, place);
      if (routes) box.append(routes);
      if (c.requirements && c.requirements.length > 0) {
        const list = el("ul", {});
        for (const r of c.requirements) list.append(el("li", {}, r));
        box.append(el("h4", {}, "Requirements a practitioner must attest"), list);
      }
      if (c.suggestions && c.suggestions.length > 0) box.append(el("p", {}, `Did you mean: ${c.suggestions.join(", ")}?`));
      box.append(el("p", {}, el("strong", {}, "What to do next: "), o.next));
      body.append(box);
    }
    if (d.requirements && d.requirements.length > 0) {
      const list = el("ol", {});
      for (const r of d.requirements) list.append(el("li", { "data-kind": r.kind }, r.text, r.citation ? ` (${r.citation})` : ""));
      body.append(el("h3", {}, "Steps and patient requirements"), list);
    }
    if (d.advisories && d.advisories.length > 0) {
      const list = el("ul", {});
      for (const a of d.advisories) list.append(el("li", {}, a.text));
      body.append(el("h3", {}, "Please note"), list);
    }
  }

  function renderMaps(result, chosen) {
    const body = $("maps-body");
    body.replaceChildren();
    for (const entry of result.maps) {
      const m = entry.map;
      const name = m.conditionName || "Condition not recognised";
      const figure = el("figure", { class: "map", "data-condition": m.condition || "" });
      const svg = new DOMParser().parseFromString(entry.svg, "image/svg+xml").documentElement;
      if (svg.nodeName === "svg") {
        svg.setAttribute("aria-describedby", `table-${m.condition || "unknown"}`);
        const mine = /^[A-Z]{2}$/.test(chosen || "") ? svg.querySelector(`g[data-jurisdiction="${chosen}"] rect`) : null;
        if (mine) {
          // The chosen jurisdiction is outlined more heavily (and said so in the caption), not told by colour.
          mine.setAttribute("stroke-width", "4");
          mine.setAttribute("stroke", "#000000");
        }
        figure.append(document.importNode(svg, true));
      }
      const outlined = chosen && m.tiles.some((t) => t.jurisdiction === chosen) ? ` ${chosen} is outlined.` : "";
      figure.append(el("figcaption", {}, `${name}, law as of ${m.asOf}.${outlined} The table below gives the same outcomes as text.`));
      const table = el("table", { id: `table-${m.condition || "unknown"}` },
        el("caption", {}, `${name}: outcome in each jurisdiction as of ${m.asOf}`),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Jurisdiction"), el("th", { scope: "col" }, "Outcome"), el("th", { scope: "col" }, "Law"))));
      const rows = el("tbody", {});
      for (const t of m.tiles) {
        const o = outcomes[t.outcome] || { word: t.outcome };
        rows.append(el("tr", { "data-jurisdiction": t.jurisdiction, "data-outcome": t.outcome },
          el("th", { scope: "row" }, `${t.name} (${t.jurisdiction})`),
          el("td", {}, o.word),
          el("td", {}, t.citation ? safeLink(t.sourceUrl, t.citation) : "")));
      }
      table.append(rows);
      body.append(el("h3", {}, name), figure, el("details", {}, el("summary", {}, `Table: ${name} in each jurisdiction`), table));
    }
    $("maps").hidden = false;
  }

  async function onSubmit(event) {
    event.preventDefault();
    clearErrors();
    const q = readForm();
    if (q.errors.length > 0) {
      for (const [field, message] of q.errors) showError(field, message);
      $(q.errors[0][0]).focus();
      return;
    }
    $("submit").disabled = true;
    $("submit").textContent = "Checking…";
    try {
      const base = { asOf: q.asOf, age: q.age, visitor: q.visitor };
      if (q.jurisdiction) {
        const decision = await postJson("/eligibility/check", { jurisdiction: q.jurisdiction, conditions: [q.condition], medications: q.medications, ...base });
        renderDecision(decision);
        $("answer").hidden = false;
      } else {
        $("answer-body").replaceChildren(el("p", {}, "Everywhere: see the map and the table below. Choose a state for the full answer with its steps."));
        $("answer").hidden = false;
      }
      renderMaps(await postJson("/eligibility/map", { condition: q.condition, ...base }), q.jurisdiction);
      $("answer-heading").focus();
    } catch (e) {
      const field = e.problem ? fieldOf(e.message) : "form";
      showError(field, e.problem ? e.message : "The server could not be reached. Try again.");
      if (field !== "form") $(field).focus();
    } finally {
      $("submit").disabled = false;
      $("submit").textContent = "Check";
    }
  }

  async function loadStates() {
    try {
      const response = await fetch("/eligibility/states", { headers: { "Accept": "application/json" } });
      const states = await response.json();
      const select = $("jurisdiction");
      for (const s of states) {
        select.append(el("option", { value: s.code }, `${s.name} (${s.code})`));
      }
      const days = states.map((s) => s.lastVerified).sort();
      $("data-verified").textContent = days.length === 0 ? "" : days[0] === days[days.length - 1]
        ? `Data verification date: ${days[0]}.`
        : `Data verification dates: ${days[0]} to ${days[days.length - 1]}, shown with each answer.`;
    } catch {
      $("data-verified").textContent = "Data verification date: could not be loaded.";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("question").addEventListener("submit", onSubmit);
    loadStates();
  });
})();
