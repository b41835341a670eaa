/* The editors' searchable checklist (cms/widgets.py): filter as you type, accents ignored. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function setUp(root) {
    if (root.dataset.ready) { return; }
    root.dataset.ready = "1";
    var search = root.querySelector("[data-ocop-chooser-search]");
    var only = root.querySelector("[data-ocop-chooser-only]");
    var count = root.querySelector("[data-ocop-chooser-count]");
    var list = root.querySelector("[data-ocop-chooser-list]");
    var options = Array.prototype.slice.call(root.querySelectorAll("[data-ocop-chooser-option]"));
    options.forEach(function (option) { option.dataset.text = fold(option.textContent); });
    function refresh() {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var chosen = 0;
      options.forEach(function (option) {
        var box = option.querySelector("input");
        if (box.checked) { chosen += 1; }
        var match = words.every(function (word) { return option.dataset.text.indexOf(word) !== -1; });
        option.hidden = !match || (only.checked && !box.checked);
      });
      count.textContent = count.dataset.template.replace("{n}", chosen);
    }
    // Ticked options first, so what the fair already has is on top.
    options.filter(function (o) { return o.querySelector("input").checked; }).reverse()
      .forEach(function (o) { list.insertBefore(o, list.firstChild); });
    search.addEventListener("input", refresh);
    only.addEventListener("change", refresh);
    list.addEventListener("change", refresh);
    // Enter in the search box must not submit the page form.
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
    refresh();
  }
  function setUpAll() {
    document.querySelectorAll("[data-ocop-chooser]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
