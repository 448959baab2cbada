// The corskit demo page: each case sends one kind of cross-origin request to
// the API, shows what the browser let the page see, and shows the API's
// CORS decisions for that request, streamed from /events.
"use strict";

const page = Math.random().toString(36).slice(2, 8);
let api = "";
let clicks = 0;
const pending = new Map(); // rid -> case element

const cases = [
  {
    id: "get",
    title: "Simple GET",
    code: 'fetch(API + "/api/hello")',
    about: "A simple request: the browser sends it without asking first, then " +
      "lets the page read the response only if it allows this origin.",
    run: (url) => fetch(url("/api/hello")),
  },
  {
    id: "post",
    title: "JSON POST",
    code: 'fetch(API + "/api/items", {method: "POST",\n  headers: {"Content-Type": "application/json"}, body})',
    about: "application/json is not a simple content type, so the browser " +
      "first sends a preflight (OPTIONS) to ask whether it may.",
    run: (url) => fetch(url("/api/items"), {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({name: "coffee"}),
    }),
  },
  {
    id: "put",
    title: "PUT with a custom header",
    code: 'fetch(API + "/api/items/42", {method: "PUT",\n  headers: {"X-Demo-Token": "demo"}})',
    about: "PUT and the custom X-Demo-Token header both need a preflight. " +
      "The policy lists both, so from an allowed origin the PUT follows.",
    run: (url) => fetch(url("/api/items/42"), {method: "PUT", headers: {"X-Demo-Token": "demo"}}),
  },
  {
    id: "cred",
    title: "Credentialed request with a cookie",
    code: 'fetch(API + "/api/login", {method: "POST", credentials: "include"})\n' +
      'fetch(API + "/api/me", {credentials: "include"})',
    about: "The login sets a cookie, /api/me reads it back. localhost:3000 and " +
      "localhost:8000 are the same site, so the cookie flows, but the " +
      "response must still allow this exact origin and credentials.",
    run: credentialed,
  },
  {
    id: "badheader",
    title: "A header the policy does not allow",
    code: 'fetch(API + "/api/hello", {headers: {"X-Debug": "1"}})',
    about: "X-Debug is not in AllowHeaders. To an allowed origin corskit " +
      "answers the preflight 200 with Access-Control-Allow-Origin but without " +
      "X-Debug in Access-Control-Allow-Headers: the browser never sends the " +
      "GET, and its console names the header.",
    run: (url) => fetch(url("/api/hello"), {headers: {"X-Debug": "1"}}),
  },
];

// credentialed logs in (which sets the cookie), then asks who is logged in.
//
// The login is a simple request: the browser sends it without a preflight,
// whatever the origin, and stores the cookie its response sets even when CORS
// then hides that response from the page. So from a refused origin the login
// still logs in; only its answer is kept from the page.
async function credentialed(url, note) {
  try {
    const res = await fetch(url("/api/login"), {method: "POST", credentials: "include"});
    note("login: HTTP " + res.status + ", the demo_session cookie is set");
  } catch (err) {
    note("login: the answer is hidden from this page (" + err + "), but the request " +
      "was sent: the API logged in and set the demo_session cookie, and the browser " +
      "stored it (CORS hides a response from the page, it does not undo it). " +
      "/api/me below carries that cookie.");
  }
  return fetch(url("/api/me"), {credentials: "include"});
}

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function render(c) {
  const verdict = el("p", {className: "verdict", textContent: "not sent yet"});
  const detail = el("pre", {className: "detail"});
  const decisions = el("ol", {className: "decisions"});
  const button = el("button", {id: "btn-" + c.id, textContent: "Send"});
  const section = el("section", {className: "case", id: "case-" + c.id},
    el("div", {className: "head"}, el("h2", {textContent: c.title}), button),
    el("pre", {className: "code", textContent: c.code}),
    el("p", {className: "about", textContent: c.about}),
    el("div", {className: "cols"},
      el("div", {className: "browser"}, el("h3", {textContent: "What the browser did"}), verdict, detail),
      el("div", {className: "corskit"}, el("h3", {textContent: "What corskit decided, and why"}), decisions)));
  button.addEventListener("click", () => send(c, section, verdict, detail, decisions));
  return section;
}

async function send(c, section, verdict, detail, decisions) {
  const rid = page + "-" + c.id + "-" + (++clicks);
  pending.set(rid, decisions);
  decisions.replaceChildren();
  detail.textContent = "";
  section.dataset.browser = "";
  verdict.textContent = "sending…";
  const notes = [];
  const url = (path) => api + path + "?rid=" + rid;
  try {
    const res = await c.run(url, (n) => notes.push(n));
    const body = await res.text();
    const id = res.headers.get("X-Request-Id");
    show(section, verdict, "readable", "✔ readable: HTTP " + res.status + " " + res.statusText);
    notes.push("X-Request-Id: " + (id === null ? "(hidden: not exposed)" : id + " (readable: exposed by ExposeHeaders)"));
    notes.push(body);
  } catch (err) {
    show(section, verdict, "blocked", "✖ blocked by the browser");
    notes.push(err.name + ": " + err.message);
    notes.push("The page cannot see the response, nor why; the console (F12) says why.");
  }
  detail.textContent = notes.join("\n");
}

function show(section, verdict, kind, text) {
  section.dataset.browser = kind;
  verdict.textContent = text;
  verdict.className = "verdict " + kind;
}

function decisionItem(e) {
  const headers = e.headers.map(([k, v]) => k + ": " + v).join("\n");
  const li = el("li", {className: e.allowed ? "allowed" : "rejected"},
    el("div", {className: "summary", textContent: e.method + " " + e.path + " — " + e.summary}),
    el("div", {className: "outcome", textContent: e.outcome}),
    el("pre", {className: "headers", textContent: headers || "(no CORS headers)"}));
  li.dataset.summary = e.method + " " + e.path + ": " + e.summary;
  return li;
}

function onEvent(msg) {
  const e = JSON.parse(msg.data);
  const log = document.getElementById("log");
  const from = e.origin ? " from " + e.origin : " without Origin";
  log.prepend(el("li", {className: e.allowed ? "allowed" : "rejected",
    textContent: e.time + "  " + e.method + " " + e.path + from + ": " + e.summary}));
  const decisions = pending.get(e.rid);
  if (decisions) {
    decisions.append(decisionItem(e));
  }
}

function describePage(cfg) {
  const allowed = cfg.role === "allowed";
  document.body.dataset.role = cfg.role;
  document.getElementById("where").replaceChildren(
    "This page is ", el("strong", {textContent: location.origin}), "; the API at ",
    el("strong", {textContent: cfg.api}), " (" + cfg.framework + ") ",
    allowed ? "allows this origin." : "does not allow this origin: every request below is blocked.");
  const other = allowed ? cfg.disallowed : cfg.allowed;
  document.getElementById("other").replaceChildren(
    "Compare with the page the policy " + (allowed ? "refuses" : "allows") + ": ",
    el("a", {href: other, textContent: other}));
  document.getElementById("policy").textContent = cfg.policy;
}

function connect() {
  const live = document.getElementById("live");
  const events = new EventSource("/events");
  events.onopen = () => {
    live.textContent = "connected";
    document.body.dataset.live = "true";
  };
  events.onerror = () => {
    live.textContent = "reconnecting…";
    document.body.dataset.live = "false";
  };
  events.onmessage = onEvent;
}

async function main() {
  const cfg = await (await fetch("/config.json")).json();
  api = cfg.api;
  describePage(cfg);
  document.getElementById("cases").append(...cases.map(render));
  connect();
}

main();
