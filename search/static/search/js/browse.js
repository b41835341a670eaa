/* Catalogue filters (search/partials/browse_filters.html): the GET form is submitted on each
   change (no "Áp dụng" tap needed), and the drawer is reopened after a change made in it, for
   the next choice. It starts closed at every width, so the first products stay on the first
   screen. Loaded from 'self', so the Content-Security-Policy needs no nonce. */
(function () {
  "use strict";
  var form = document.getElementById("browse-filters");
  if (!form) { return; }
  var drawer = document.getElementById("browse-drawer");
  var KEY = "ocop-browse-drawer";
  if (drawer) {
    var close = drawer.querySelector("[data-drawer-close]");
    if (close) {
      close.hidden = false;
      close.addEventListener("click", function () { drawer.open = false; });
    }
    var reopen = false;
    try { reopen = window.sessionStorage.getItem(KEY) === "1"; window.sessionStorage.removeItem(KEY); } catch (e) { /* storage off */ }
    if (reopen) { drawer.open = true; }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.open) { drawer.open = false; }
    });
  }
  form.addEventListener("change", function (event) {
    if (drawer && drawer.open && drawer.contains(event.target)) {
      try { window.sessionStorage.setItem(KEY, "1"); } catch (e) { /* storage off */ }
    }
    form.classList.add("is-loading");
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  });
})();
