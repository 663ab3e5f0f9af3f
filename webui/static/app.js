// Progressive enhancement only: every control here also works as a plain link or form.
"use strict";

(function () {
  var FORM = ".facet-form";

  // The URL is the only state: every control shows what the URL holds, also on a page the
  // browser restores from its back-forward cache with the boxes as they were left.
  function syncControls() {
    var params = new URLSearchParams(window.location.search);
    document.querySelectorAll(FORM + " input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
    document.querySelectorAll(FORM + " input[type=text]").forEach(function (field) {
      if (!field.getAttribute("aria-invalid")) { field.value = params.get(field.name) || ""; }
    });
  }

  function formUrl(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== "") { params.append(name, value); }
    });
    var mentions = new URLSearchParams(window.location.search).get("mentions");
    if (mentions) { params.set("mentions", mentions); }
    return form.action.split("?")[0] + "?" + params.toString();
  }

  // The control that had focus, found again in the new page by what it is, not where.
  function describe(element) {
    if (!element || !element.closest || !element.closest(FORM)) { return null; }
    return { id: element.id, name: element.name, value: element.value, type: element.type };
  }

  function refocus(described) {
    if (!described) { return; }
    var found = null;
    if (described.type === "checkbox") {
      document.querySelectorAll(FORM + " input[type=checkbox]").forEach(function (box) {
        if (box.name === described.name && box.value === described.value) { found = box; }
      });
    } else if (described.id) {
      found = document.getElementById(described.id);
    }
    (found || document.getElementById("facets-heading")).focus();
  }

  // Results, facets and chart replaced in place from the page the URL gives; the total
  // said in the live region.  Anything unexpected: the browser goes there itself.
  var shown = null;  // the URL last asked for in place: a change and a submit may both ask

  function show(url, push) {
    if (push && url === shown) { return; }
    shown = url;
    var focused = describe(document.activeElement);
    var layout = document.querySelector(".layout");
    if (!window.fetch || !window.DOMParser || !layout) { window.location.assign(url); return; }
    layout.setAttribute("aria-busy", "true");
    fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var fresh = next.querySelector(".layout");
        if (!fresh) { throw new Error("no results in the page"); }
        layout.replaceWith(document.importNode(fresh, true));
        document.title = next.title;
        var state = document.querySelector(".search-form");
        var freshState = next.querySelector(".search-form");
        if (state && freshState) { state.replaceWith(document.importNode(freshState, true)); }
        if (push) { window.history.pushState({ wardnews: true }, "", url); }
        syncControls();
        enhance();
        refocus(focused);
        var total = document.querySelector(".total");
        var live = document.getElementById("live");
        if (live && total) { live.textContent = total.textContent; }
      })
      .catch(function () { window.location.assign(url); });
  }

  // The filter drawer on narrow screens: a button above the results opens it.
  function enhance() {
    var hint = document.querySelector(".chart-range-hint");
    if (hint && hint.dataset.jsHint) { hint.textContent = hint.dataset.jsHint; }
    var toggle = document.querySelector(".filters-toggle");
    var facets = document.getElementById("facets");
    if (!toggle || !facets) { return; }
    toggle.hidden = false;
    document.documentElement.classList.add("js");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      facets.classList.toggle("open", open);
      if (open) { document.getElementById("facets-heading").focus(); }
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.closest || !target.closest(FORM)) { return; }
    if (target.type === "checkbox" || target.type === "text") {
      show(formUrl(target.form), true);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches(FORM)) { return; }
    event.preventDefault();
    show(formUrl(form), true);
  });

  window.addEventListener("popstate", function () {
    shown = window.location.href;
    if (document.querySelector(FORM)) { show(window.location.href, false); }
  });

  window.addEventListener("pageshow", syncControls);

  // The date chart's range: with JavaScript, a first bar chosen starts a range and a second
  // one ends it (the same bar twice: that period only); a drag across bars does both.  The
  // range goes into the URL as from/to, like the dates typed in the filters.
  var CHART_BAR = "svg.chart a.bar[data-period]";
  var rangeStart = null;  // the bar a range began on
  var dragFrom = null;    // the bar a pointer went down on

  function periodOf(bar) { return bar.getAttribute("data-period"); }

  function barAt(x, y) {
    var element = document.elementFromPoint(x, y);
    return element && element.closest ? element.closest(CHART_BAR) : null;
  }

  function markRange(from, to) {
    var low = from && to ? (periodOf(from) < periodOf(to) ? periodOf(from) : periodOf(to)) : null;
    var high = from && to ? (periodOf(from) < periodOf(to) ? periodOf(to) : periodOf(from)) : null;
    document.querySelectorAll(CHART_BAR).forEach(function (bar) {
      var period = periodOf(bar);
      bar.classList.toggle("in-range", low !== null && period >= low && period <= high);
    });
  }

  function say(text) {
    var live = document.getElementById("live");
    if (live) { live.textContent = text; }
  }

  function chooseRange(from, to) {
    var a = periodOf(from), b = periodOf(to);
    var url = new URL(to.getAttribute("href"), window.location.href);
    url.searchParams.set("from", a < b ? a : b);
    url.searchParams.set("to", a < b ? b : a);
    url.searchParams.delete("page");
    rangeStart = null;
    show(url.pathname + "?" + url.searchParams.toString(), true);
  }

  function cancelRange() {
    rangeStart = null;
    dragFrom = null;
    markRange(null, null);
  }

  document.addEventListener("click", function (event) {
    var bar = event.target.closest && event.target.closest(CHART_BAR);
    if (!bar) { return; }
    event.preventDefault();
    if (rangeStart && rangeStart.isConnected) {
      chooseRange(rangeStart, bar);
      return;
    }
    rangeStart = bar;
    markRange(bar, bar);
    var hint = document.querySelector(".chart-range-hint");
    if (hint && hint.dataset.started) {
      say(hint.dataset.started.replace("{period}", bar.getAttribute("data-label") || periodOf(bar)));
    }
  });

  document.addEventListener("pointerdown", function (event) {
    var bar = event.target.closest && event.target.closest(CHART_BAR);
    dragFrom = bar && event.button === 0 ? bar : null;
  });

  document.addEventListener("pointermove", function (event) {
    if (!dragFrom) { return; }
    var bar = barAt(event.clientX, event.clientY);
    if (bar && bar !== dragFrom) { markRange(dragFrom, bar); }
  });

  document.addEventListener("pointerup", function (event) {
    if (!dragFrom) { return; }
    var from = dragFrom;
    dragFrom = null;
    var bar = barAt(event.clientX, event.clientY);
    if (bar && bar !== from && bar.closest("svg") === from.closest("svg")) {
      chooseRange(from, bar);  // the click that follows lands on the chart, not on a bar
    }
  });

  document.addEventListener("pointercancel", function () { dragFrom = null; });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && rangeStart) { cancelRange(); }
  });

  // A skip link puts the focus on its target, so that Tab goes on from there.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.skip-link[href^='#']");
    var target = link && document.getElementById(link.getAttribute("href").slice(1));
    if (target) {
      event.preventDefault();
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.focus();
      window.history.replaceState(window.history.state, "", link.getAttribute("href"));
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    syncControls();
    enhance();

    // The citation's copy button exists only where the clipboard can be reached.
    document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.dataset.copy);
      if (!source) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        var done = function () {
          var label = button.textContent;
          button.textContent = button.dataset.copied;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(source.value).then(done, function () {
            source.select();
          });
        } else {
          source.select();
          document.execCommand("copy");
          done();
        }
      });
    });
  });
})();
