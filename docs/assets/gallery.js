/* Gallery filters for the contest showcase.
 *
 * The static pages already list the cards (48 a page) and work without this
 * script. When a visitor first touches a filter, cards.json (every entry, as
 * compact arrays) is fetched once; matching cards are then rendered in
 * batches with a "show more" button. Entrant text is only ever set with
 * textContent or as attribute values, never parsed as HTML.
 * The filters live in the page's address (?category=safety&find=...): a
 * filtered view can be shared, and Back to it shows the same cards. The text
 * filter is `find`, not `q`: Material's search takes `q` for itself.
 * No dependencies, no external requests.
 */
(function () {
  "use strict";

  // URL parameter -> form field.
  var PARAMS = { find: "q", category: "category", tag: "tag", platform: "platform", dataset: "dataset" };

  function norm(value) {
    return (value || "").normalize("NFC").toLowerCase().trim();
  }

  function setup(root) {
    if (root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "1");
    var form = root.querySelector(".cg-filters");
    var list = root.querySelector(".cg-list");
    var more = root.querySelector(".cg-more");
    var count = root.querySelector(".cg-count");
    var pager = root.querySelector(".cg-pager");
    if (!form || !list) return;
    var size = parseInt(root.getAttribute("data-page-size"), 10) || 48;
    var base = root.getAttribute("data-root") || "./";
    var original = Array.prototype.slice.call(list.children);
    var data = null;
    var loading = null;
    var matches = [];
    var shown = 0;
    var timer = 0;
    var applied = null; // the filter values now shown (JSON), or null for the page's own cards
    form.hidden = false;

    function fill(name, values) {
      var select = form.elements[name];
      if (!select) return;
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
    }

    function load() {
      if (!loading) {
        loading = fetch(root.getAttribute("data-cards"))
          .then(function (response) { return response.json(); })
          .then(function (json) {
            data = json;
            data.tagIndex = {};
            json.tags.forEach(function (tag, i) { data.tagIndex[tag] = i; });
            data.dataIndex = {};
            json.datasets.forEach(function (name, i) { data.dataIndex[name] = i; });
            data.text = json.cards.map(function (c) {
              return norm([c[1], c[2], c[3]].concat(c[5].map(function (i) { return json.tags[i]; })).join(" "));
            });
            fill("tag", json.tags);
            fill("dataset", json.datasets);
            return data;
          });
      }
      return loading;
    }

    function values() {
      return {
        q: norm(form.elements.q.value),
        category: form.elements.category.value,
        tag: form.elements.tag.value,
        platform: form.elements.platform.value,
        dataset: form.elements.dataset.value
      };
    }

    function active(v) {
      return Boolean(v.q || v.category || v.tag || v.platform || v.dataset);
    }

    function card(c) {
      var li = document.createElement("li");
      li.className = "cg-card";
      li.setAttribute("data-category", c[4]);
      var a = document.createElement("a");
      a.className = "cg-link";
      a.href = base + "entries/" + encodeURIComponent(c[0]) + "/";
      var img = document.createElement("img");
      img.className = "cg-thumb";
      img.src = base + c[9];
      img.width = c[10];
      img.height = c[11];
      img.loading = "lazy";
      img.alt = "";
      var title = document.createElement("span");
      title.className = "cg-title";
      title.textContent = c[1];
      a.appendChild(img);
      a.appendChild(title);
      var team = document.createElement("span");
      team.className = "cg-team";
      team.textContent = c[2];
      var meta = document.createElement("span");
      meta.className = "cg-meta";
      var category = document.createElement("span");
      category.className = "cg-category";
      category.textContent = data.categories[c[4]] || c[4];
      meta.appendChild(category);
      if (c[8]) {
        var award = document.createElement("span");
        award.className = "cg-award";
        award.textContent = data.awards[c[8]] || c[8];
        meta.appendChild(award);
      }
      li.appendChild(a);
      li.appendChild(team);
      li.appendChild(meta);
      return li;
    }

    function report() {
      var template = matches.length ? root.getAttribute("data-t-count") : root.getAttribute("data-t-none");
      count.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(matches.length));
      if (more) more.hidden = shown >= matches.length;
    }

    function renderMore() {
      if (!data || !root.hasAttribute("data-filtered")) return;
      var fragment = document.createDocumentFragment();
      var end = Math.min(matches.length, shown + size);
      for (var i = shown; i < end; i++) fragment.appendChild(card(data.cards[matches[i]]));
      list.appendChild(fragment);
      shown = end;
      report();
    }

    function restore() {
      // Already showing the page's own cards: rebuilding them would take the keyboard
      // focus off the card it is on (a late input timer or a blur's change event does
      // come after a reset).
      if (!root.hasAttribute("data-filtered")) return;
      applied = null;
      list.textContent = "";
      original.forEach(function (node) { list.appendChild(node); });
      count.textContent = "";
      if (more) more.hidden = true;
      if (pager) pager.hidden = false;
      root.removeAttribute("data-filtered");
    }

    function remember() {
      var params = new URLSearchParams(window.location.search);
      Object.keys(PARAMS).forEach(function (param) {
        var value = form.elements[PARAMS[param]].value.trim();
        if (value) params.set(param, value);
        else params.delete(param);
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(window.history.state, "", address);
      }
    }

    function recall() {
      var params = new URLSearchParams(window.location.search);
      var wanted = Object.keys(PARAMS).filter(function (param) { return params.get(param); });
      if (!wanted.length) return;
      // Tag and dataset options come from cards.json: fill them before choosing.
      load().then(function () {
        wanted.forEach(function (param) { form.elements[PARAMS[param]].value = params.get(param); });
        apply();
      });
    }

    function apply() {
      remember();
      var v = values();
      if (!active(v)) {
        restore();
        return;
      }
      load().then(function (d) {
        v = values();
        if (!active(v)) {
          restore();
          return;
        }
        // The same filter again (a change event after an input one): the cards shown,
        // and the focus on one of them, stay.
        var key = JSON.stringify(v);
        if (key === applied) return;
        applied = key;
        var tag = v.tag ? d.tagIndex[v.tag] : -1;
        var dataset = v.dataset ? d.dataIndex[v.dataset] : -1;
        matches = [];
        d.cards.forEach(function (c, i) {
          if (v.category && c[4] !== v.category) return;
          if (v.tag && c[5].indexOf(tag) < 0) return;
          if (v.platform && c[6].indexOf(v.platform) < 0) return;
          if (v.dataset && c[7].indexOf(dataset) < 0) return;
          if (v.q && d.text[i].indexOf(v.q) < 0) return;
          matches.push(i);
        });
        list.textContent = "";
        shown = 0;
        if (pager) pager.hidden = true;
        root.setAttribute("data-filtered", "1");
        renderMore();
      });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, 120);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("input", later);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("focusin", function () { load(); }, { once: true });
    if (more) more.addEventListener("click", renderMore);
    recall();
  }

  function init() {
    var roots = document.querySelectorAll(".cg");
    for (var i = 0; i < roots.length; i++) setup(roots[i]);
  }

  // Material's instant loading swaps pages without a reload and announces each
  // through document$; without it (or in other engines) a plain load event is enough.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
