// The workspace navigation as a menu on phones. Loaded in <head> without defer so the "scripted" class is on <html>
// before the first paint: only then does site.css fold the menu away behind the Menu button. Without this script the
// navigation stays open above the page, so it is always reachable.
(function () {
  "use strict";
  document.documentElement.classList.add("menu-scripted");

  // Must match the phone breakpoint in site.css.
  const phone = window.matchMedia("(max-width: 760px)");

  function wire() {
    const button = document.getElementById("menu-toggle");
    const sidebar = button && button.closest(".sidebar");
    if (!sidebar) {
      return;
    }

    function setOpen(open) {
      sidebar.classList.toggle("menu-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }

    function isOpen() {
      return button.getAttribute("aria-expanded") === "true";
    }

    button.addEventListener("click", function () {
      setOpen(!isOpen());
    });

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen() && phone.matches) {
        setOpen(false);
        button.focus();
      }
    });

    // A tap or focus outside the open menu closes it, as people expect of a dropdown.
    document.addEventListener("click", function (event) {
      if (isOpen() && !sidebar.contains(event.target)) {
        setOpen(false);
      }
    });
    document.addEventListener("focusin", function (event) {
      if (isOpen() && !sidebar.contains(event.target)) {
        setOpen(false);
      }
    });

    phone.addEventListener("change", function () {
      if (!phone.matches) {
        setOpen(false);
      }
    });
  }

  // The number beside Notifications, asked for once the page is shown so that no page waits for it; on a phone, where
  // the link is folded away, the Menu button carries it too.
  async function showNotificationCount() {
    const badge = document.getElementById("notification-count");
    const onMenu = document.getElementById("menu-notification-count");
    if (!badge) {
      return;
    }

    try {
      const response = await fetch("/Notifications?handler=Count", { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) {
        return;
      }

      const { count } = await response.json();
      if (count > 0) {
        badge.textContent = String(count);
        badge.hidden = false;
        // Read as "Notifications 3 need your attention": the visible words stay part of the link's name (axe label-content-name-mismatch).
        const words = document.createElement("span");
        words.className = "visually-hidden";
        words.textContent = " need your attention";
        badge.after(words);
        if (onMenu) {
          onMenu.textContent = String(count);
          onMenu.hidden = false;
          const menuWords = document.createElement("span");
          menuWords.className = "visually-hidden";
          menuWords.textContent = count === 1 ? " notification" : " notifications";
          onMenu.after(menuWords);
        }
      }
    } catch {
      // Offline or signed out: the link stays without a number.
    }
  }

  function start() {
    wire();
    showNotificationCount();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
