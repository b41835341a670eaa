/* Suggestions as you type for the header search box (our own code, no library).
   Without JavaScript the box is a plain GET form to the search page. */
(function () {
  "use strict";
  var KIND = { product: "Sản phẩm", producer: "Chủ thể", place: "Địa điểm" };
  function setup(form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector(".ocop-suggest");
    var url = form.getAttribute("data-suggest-url");
    if (!input || !list || !url) { return; }
    var timer = null, active = -1, last = "", controller = null;
    function close() {
      list.hidden = true; list.innerHTML = ""; active = -1;
      input.setAttribute("aria-expanded", "false");
    }
    function render(items) {
      list.innerHTML = "";
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option"); li.id = "ocop-suggest-" + i;
        var a = document.createElement("a");
        a.href = item.url; a.className = "ocop-suggest-item";
        var kind = document.createElement("small");
        kind.className = "ocop-suggest-kind"; kind.textContent = KIND[item.kind] || item.kind;
        a.appendChild(document.createTextNode(item.label)); a.appendChild(kind);
        li.appendChild(a); list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }
    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      if (q === last) { return; }
      last = q;
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(q), controller ? { signal: controller.signal } : {})
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) { render(data.suggestions || []); } })
        .catch(function () { /* offline or aborted: the form still submits */ });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer); timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      var items = list.querySelectorAll("a");
      if (list.hidden || !items.length) { return; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        items.forEach(function (a, i) { a.classList.toggle("active", i === active); });
        input.setAttribute("aria-activedescendant", "ocop-suggest-" + active);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault(); window.location.href = items[active].href;
      } else if (event.key === "Escape") { close(); }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { close(); }
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.ocop-search"), setup);
    // The search page's filters start open on wide screens; on a phone the results come first.
    if (window.matchMedia && window.matchMedia("(min-width: 992px)").matches) {
      Array.prototype.forEach.call(document.querySelectorAll("details.ocop-filters"),
        function (details) { details.open = true; });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else { init(); }
})();
