/* The producer's sales charts, drawn from the numbers the page's tables show
   (#sales-chart-data). Each canvas gets data-drawn="1" once its chart is drawn. */
(function () {
  "use strict";
  var source = document.getElementById("sales-chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "vi";
  var money = new Intl.NumberFormat(lang === "en" ? "en" : "vi-VN");
  var green = "#2e6b30", gold = "#d89b00", red = "#b3261e";

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    config.options = Object.assign({
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: false } }
    }, config.options || {});
    new Chart(canvas, config);
    canvas.setAttribute("data-drawn", "1");
  }

  draw("chart-months", {
    type: "bar",
    data: { labels: data.months.labels, datasets: [
      { label: data.labels.revenue, data: data.months.revenue, backgroundColor: green }
    ] },
    options: { scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return money.format(v); } } } } }
  });
  draw("chart-products", {
    type: "bar",
    data: { labels: data.products.labels, datasets: [
      { label: data.labels.revenue, data: data.products.revenue, backgroundColor: gold }
    ] },
    options: { indexAxis: "y", scales: { x: { beginAtZero: true, ticks: { callback: function (v) { return money.format(v); } } } } }
  });
  draw("chart-locations", {
    type: "bar",
    data: { labels: data.locations.labels, datasets: [
      { label: data.labels.units, data: data.locations.units, backgroundColor: red }
    ] },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
