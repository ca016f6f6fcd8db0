// The user directory's manager filter: as a name or e-mail is typed, the workspace's matching managers are offered in
// the field's list (a workspace of 10,000 people has over a thousand, too many to send with every page). Without this
// script the field still works: the server finds the manager a typed name or e-mail names.
(function () {
  "use strict";

  function wire() {
    const input = document.querySelector("input[data-suggestions]");
    const list = input && document.getElementById(input.getAttribute("list"));
    if (!list) {
      return;
    }

    let timer = 0;
    let asked = null;

    async function suggest() {
      const term = input.value.trim();
      if (term === asked) {
        return;
      }

      asked = term;
      const url = input.dataset.suggestions + "&term=" + encodeURIComponent(term);
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok || asked !== term) {
          return;
        }

        const managers = await response.json();
        list.replaceChildren(...managers.map(function (manager) {
          const option = document.createElement("option");
          option.value = manager.email;
          option.textContent = manager.name;
          return option;
        }));
      } catch {
        // Offline or signed out: the field keeps working as a plain text filter.
      }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 150);
    });
    input.addEventListener("focus", suggest, { once: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
