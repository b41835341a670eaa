/* The OCOP map: showrooms and villages as markers with popups linking to their pages.
   Leaflet comes from our own static files; tiles load from the tile server when reachable. */
(function () {
    "use strict";
    var element = document.getElementById("ocop-map");
    var data = document.getElementById("ocop-map-places");
    if (!element || !data || typeof L === "undefined") { return; }
    var places = JSON.parse(data.textContent).filter(function (p) { return p.lat !== null; });
    L.Icon.Default.imagePath = element.getAttribute("data-icons") || "/static/cms/vendor/leaflet/images/";
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.getAttribute("data-tiles"), {
        maxZoom: 18, attribution: element.getAttribute("data-attribution")
    }).addTo(map);
    var bounds = [];
    places.forEach(function (place) {
        var popup = document.createElement("div");
        var link = document.createElement("a");
        link.href = place.url;
        link.textContent = place.name;
        var strong = document.createElement("strong");
        strong.appendChild(link);
        popup.appendChild(strong);
        popup.appendChild(document.createElement("br"));
        popup.appendChild(document.createTextNode(place.address || place.district || ""));
        var marker = place.kind === "village"
            ? L.circleMarker([place.lat, place.lng], { radius: 10, color: "#e65100", fillOpacity: 0.8 })
            : L.marker([place.lat, place.lng]);
        marker.bindPopup(popup).addTo(map);
        marker.options.title = place.name;
        bounds.push([place.lat, place.lng]);
    });
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30] }); }
    else { map.setView([21.27, 106.2], 9); }
    element.classList.add("cms-map--ready");
}());
