/* Refill a commune/ward box's suggestions when the province changes (checkout and address
   book). The list comes from /dia-chi/xa-phuong.json?tinh=…; without JavaScript the list of the
   province the page was drawn with stays, and the form checks the choice anyway. */
(function () {
  "use strict";
  function bind(input) {
    if (input.dataset.wardsBound) { return; }
    input.dataset.wardsBound = "1";
    var province = document.getElementById(input.dataset.provinceField);
    var list = document.getElementById(input.getAttribute("list"));
    if (!province || !list) { return; }
    province.addEventListener("change", function () {
      if (!province.value) { return; }
      fetch(input.dataset.wardsUrl + "?tinh=" + encodeURIComponent(province.value))
        .then(function (r) { return r.ok ? r.json() : { wards: [] }; })
        .then(function (data) {
          list.textContent = "";
          data.wards.forEach(function (name) {
            var option = document.createElement("option");
            option.value = name;
            list.appendChild(option);
          });
        })
        .catch(function () { /* keep the list as it was */ });
    });
  }
  function start() {
    document.querySelectorAll("input[data-wards-url]").forEach(bind);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
