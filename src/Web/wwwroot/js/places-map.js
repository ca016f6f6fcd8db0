// Draws the places listed under [data-places-map] on an offline map: country shapes from world-atlas (served by this
// app), pins clustered where many. No tile server: nothing is fetched from outside the app. Without JavaScript, or when
// a library is missing, the list of places beside the map remains the whole story.
(function () {
  "use strict";

  function pinsOf(container) {
    const scope = container.closest(".map-card") || document;
    return Array.from(scope.querySelectorAll("[data-pin]")).map(function (element) {
      return {
        name: element.getAttribute("data-name"),
        city: element.getAttribute("data-city"),
        count: Number(element.getAttribute("data-count")),
        lat: Number(element.getAttribute("data-lat")),
        lon: Number(element.getAttribute("data-lon"))
      };
    });
  }

  function popupOf(pin) {
    const box = document.createElement("div");
    const name = document.createElement("strong");
    name.textContent = pin.name;
    const place = document.createElement("div");
    place.textContent = pin.city;
    const count = document.createElement("div");
    count.textContent = pin.count + (pin.count === 1 ? " item from here" : " items from here");
    box.append(name, place, count);
    return box;
  }

  // world-atlas is drawn for a sphere: a few shapes (Russia, Fiji, Antarctica) jump from +180° to −180° mid-ring, which
  // a flat map would draw as a line across the world. Each ring is made continuous instead (it may run past 180°).
  function unwrapRing(ring) {
    let offset = 0;
    return ring.map(function (point, index) {
      if (index > 0) {
        const step = point[0] - ring[index - 1][0];
        offset += step > 180 ? -360 : step < -180 ? 360 : 0;
      }
      return [point[0] + offset, point[1]];
    });
  }

  function unwrap(geometry) {
    if (geometry && geometry.type === "Polygon") {
      geometry.coordinates = geometry.coordinates.map(unwrapRing);
    } else if (geometry && geometry.type === "MultiPolygon") {
      geometry.coordinates = geometry.coordinates.map(function (polygon) { return polygon.map(unwrapRing); });
    }
  }

  async function draw(container) {
    if (!window.L || !window.topojson) {
      return;
    }
    container.hidden = false;
    const map = L.map(container, { worldCopyJump: true, minZoom: 0, maxZoom: 10, zoomSnap: 0.5 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
    map.setView([30, 0], 1.5);

    try {
      const response = await fetch(container.getAttribute("data-world"), { credentials: "same-origin" });
      const world = await response.json();
      const countries = topojson.feature(world, world.objects.countries);
      countries.features.forEach(function (country) { unwrap(country.geometry); });
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#9aa5b4", weight: 0.6, fillColor: "#eef0f3", fillOpacity: 1 }
      }).addTo(map);
    } catch (error) {
      container.setAttribute("data-world-missing", "true");
    }

    const pins = pinsOf(container);
    const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    const markers = pins.map(function (pin) {
      const icon = L.divIcon({ className: "map-pin", iconSize: [16, 16], iconAnchor: [8, 8], popupAnchor: [0, -8] });
      return L.marker([pin.lat, pin.lon], { icon: icon, keyboard: true, title: pin.name + ", " + pin.city, alt: pin.name })
        .bindPopup(popupOf(pin));
    });
    // The card may settle its width after the map measured it (fonts, a phone's layout): keep the map's size current.
    map.invalidateSize();
    if (markers.length > 0) {
      map.fitBounds(L.latLngBounds(pins.map(function (pin) { return [pin.lat, pin.lon]; })), { padding: [30, 30], maxZoom: 6 });
    }
    // Clustered once the view is set: a cluster group on the map while it jumps several zoom levels at once (one pin,
    // say) leaves its markers where the first view had them.
    cluster.addLayers(markers);
    map.addLayer(cluster);
    if (window.ResizeObserver) {
      new ResizeObserver(function () { map.invalidateSize(); }).observe(container);
    }
    container.setAttribute("data-pins", String(markers.length));
    container.setAttribute("data-ready", "true");
  }

  function start() {
    document.querySelectorAll("[data-places-map]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
