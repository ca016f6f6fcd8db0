// The Activity Stream without reloads: "Load more" fetches the next page and appends it (the link still works on its
// own), scrolling to the end loads more by itself, and new items arrive over server-sent events.
(function () {
  "use strict";

  function itemOf(view, personLink) {
    const item = document.createElement("li");
    item.className = "stream-item stream-new";
    item.setAttribute("data-id", view.id);
    item.setAttribute("data-at", view.at);
    const swatch = document.createElement("span");
    swatch.className = "stream-swatch " + view.categoryCss;
    swatch.setAttribute("aria-hidden", "true");
    const main = document.createElement("div");
    main.className = "stream-main";
    const who = document.createElement("p");
    who.className = "stream-who";
    const name = document.createElement("a");
    name.className = "stream-person";
    name.textContent = view.person;
    name.title = "Only " + view.person + "'s activity";
    if (personLink) {
      const link = new URL(personLink, window.location.href);
      link.searchParams.set("person", view.personId);
      name.href = link.pathname + link.search;
    }
    const kind = document.createElement("span");
    kind.className = "stream-kind";
    kind.textContent = view.kind;
    who.append(name, " ", kind);
    const facts = document.createElement("p");
    facts.className = "stream-facts muted";
    const time = document.createElement("time");
    time.setAttribute("datetime", view.at);
    time.textContent = view.localTime;
    facts.append(time);
    [view.duration, view.place, view.service, view.reach].forEach(function (text, index) {
      const span = document.createElement("span");
      span.textContent = text;
      if (index === 3) {
        span.className = "reach";
      }
      facts.append(" ", span);
    });
    main.append(who, facts);
    item.append(swatch, main);
    return item;
  }

  function insertInOrder(list, item) {
    const at = item.getAttribute("data-at");
    const later = Array.from(list.children).find(function (existing) { return existing.getAttribute("data-at") < at; });
    list.insertBefore(item, later || null);
  }

  function has(list, id) {
    return list.querySelector('[data-id="' + id + '"]') !== null;
  }

  function listen(list) {
    if (list.getAttribute("data-live") !== "true" || !window.EventSource) {
      return;
    }
    const status = document.querySelector("[data-stream-status]");
    const announcer = document.querySelector("[data-stream-announcer]");
    const source = new EventSource(list.getAttribute("data-events"));
    source.addEventListener("open", function () {
      if (status) {
        status.hidden = false;
      }
      list.setAttribute("data-connected", "true");
    });
    source.addEventListener("activities", function (event) {
      const added = JSON.parse(event.data).filter(function (view) { return !has(list, view.id); });
      added.forEach(function (view) { insertInOrder(list, itemOf(view, list.getAttribute("data-person-link"))); });
      if (added.length > 0) {
        const empty = document.querySelector("[data-stream-empty]");
        if (empty) {
          empty.remove();
        }
        if (announcer) {
          announcer.textContent = added.length === 1 ? "1 new item" : added.length + " new items";
        }
      }
    });
    window.addEventListener("pagehide", function () { source.close(); });
  }

  function loadMore(list) {
    const link = document.querySelector("[data-load-more]");
    if (!link) {
      return;
    }
    let loading = false;
    async function load(event) {
      if (event) {
        event.preventDefault();
      }
      const current = document.querySelector("[data-load-more]");
      if (loading || !current) {
        return;
      }
      loading = true;
      current.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(current.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" });
        if (!response.ok) {
          window.location.href = current.href;
          return;
        }
        const next = new DOMParser().parseFromString(await response.text(), "text/html");
        next.querySelectorAll("[data-stream-list] > li").forEach(function (item) {
          if (!has(list, item.getAttribute("data-id"))) {
            list.append(document.importNode(item, true));
          }
        });
        const paragraph = current.closest("p");
        const nextMore = next.querySelector(".stream-more, .stream-end");
        if (nextMore) {
          paragraph.replaceWith(document.importNode(nextMore, true));
          bind();
        } else {
          paragraph.remove();
        }
      } finally {
        loading = false;
      }
    }
    function bind() {
      const current = document.querySelector("[data-load-more]");
      if (!current) {
        return;
      }
      current.addEventListener("click", load);
      if (window.IntersectionObserver) {
        const observer = new IntersectionObserver(function (entries) {
          if (entries.some(function (entry) { return entry.isIntersecting; })) {
            observer.disconnect();
            load();
          }
        }, { rootMargin: "200px" });
        observer.observe(current);
      }
    }
    bind();
  }

  function start() {
    const list = document.querySelector("[data-stream-list]");
    if (!list) {
      return;
    }
    listen(list);
    loadMore(list);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
