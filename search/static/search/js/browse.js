/* Catalogue filters (search/partials/browse_filters.html): the GET form is submitted on each
   change (no "Áp dụng" tap needed); the drawer is open on wide screens, and reopened on a phone
   after a change made in it. Loaded from 'self', so the Content-Security-Policy needs no nonce. */
(function () {
  "use strict";
  var form = document.getElementById("browse-filters");
  if (!form) { return; }
  var drawer = document.getElementById("browse-drawer");
  var KEY = "ocop-browse-drawer";
  var wide = window.matchMedia("(min-width: 992px)");
  if (drawer) {
    var close = drawer.querySelector("[data-drawer-close]");
    if (close) {
      close.hidden = false;
      close.addEventListener("click", function () { drawer.open = false; });
    }
    var reopen = false;
    try { reopen = window.sessionStorage.getItem(KEY) === "1"; window.sessionStorage.removeItem(KEY); } catch (e) { /* storage off */ }
    if (wide.matches || reopen) { drawer.open = true; }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.open && !wide.matches) { drawer.open = false; }
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
