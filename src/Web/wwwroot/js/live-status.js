// Keeps a server-rendered region current while a sync runs: every few seconds the page is fetched again and the region
// marked data-live-refresh is replaced, without a reload (focus and scroll stay where they are).
(function () {
  "use strict";
  const selector = "[data-live-refresh]";

  function schedule() {
    const region = document.querySelector(selector);
    if (!region) {
      return;
    }
    const seconds = Number(region.getAttribute("data-live-refresh")) || 5;
    window.setTimeout(refresh, seconds * 1000);
  }

  async function refresh() {
    try {
      const response = await fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" });
      if (!response.ok) {
        return;
      }
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = next.querySelector("[data-live-region]");
      const current = document.querySelector("[data-live-region]");
      if (fresh && current) {
        current.replaceWith(fresh);
      }
    } finally {
      schedule();
    }
  }

  schedule();
})();
