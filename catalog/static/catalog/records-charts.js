/* Charts of the OCOP progress page, drawn with the vendored Chart.js (window.Chart). */
(function () {
    "use strict";
    var source = document.getElementById("records-chart-data");
    if (!source || !window.Chart) { return; }
    var data = JSON.parse(source.textContent);
    var colours = ["#1b5e20", "#2e7d32", "#43a047", "#66bb6a", "#8e2430", "#00796b", "#f9a825",
                   "#5d4037", "#1565c0", "#6a1b9a", "#ef6c00"];
    function draw(id, series, type, horizontal) {
        var canvas = document.getElementById(id);
        if (!canvas || !series) { return; }
        new window.Chart(canvas, {
            type: type,
            data: {labels: series.labels, datasets: [{data: series.data,
                backgroundColor: type === "doughnut" ? colours : "#2e7d32"}]},
            options: {responsive: true, maintainAspectRatio: false, indexAxis: horizontal ? "y" : "x",
                plugins: {legend: {display: type === "doughnut"}},
                scales: type === "doughnut" ? {} : {x: {beginAtZero: true, ticks: {precision: 0}},
                                                     y: {beginAtZero: true, ticks: {precision: 0}}}}
        });
    }
    draw("chart-stars", data.stars, "doughnut", false);
    draw("chart-year", data.year, "bar", false);
    draw("chart-group", data.group, "bar", true);
    draw("chart-district", data.district, "bar", true);
}());
