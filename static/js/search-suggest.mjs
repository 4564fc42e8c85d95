// Type-ahead for the site search box: the ARIA 1.2 combobox pattern (list autocomplete with
// manual selection) over /api/search/suggest/. Progressive enhancement — without this script
// the box is a plain search form. No inline styles or scripts (the CSP forbids them).

const MIN_CHARS = 2;
const DEBOUNCE_MS = 200;
const KIND_LABELS = { page: "Page", document: "Document", person: "Person", event: "Event" };

let instances = 0;

class SearchSuggest {
  constructor(form, input) {
    instances += 1;
    this.form = form;
    this.input = input;
    this.url = form.dataset.suggestUrl || "/api/search/suggest/";
    this.suggestions = [];
    this.active = -1;
    this.timer = null;
    this.controller = null;
    this.cache = new Map();
    this.lastQuery = "";

    const id = input.id || `search-suggest-${instances}`;
    input.id = id;
    this.listbox = document.createElement("ul");
    this.listbox.id = `${id}-suggestions`;
    this.listbox.className = "commons-suggest";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", "Search suggestions");
    this.listbox.hidden = true;
    this.status = document.createElement("div");
    this.status.className = "govuk-visually-hidden";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.status.setAttribute("aria-atomic", "true");

    const container = input.closest(".commons-search__field") || input.parentElement;
    container.classList.add("commons-suggest-container");
    container.append(this.listbox, this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);

    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.onKeydown(event));
    input.addEventListener("blur", () => this.close());
    form.addEventListener("submit", () => this.close());
    // Keep focus in the box while an option is pressed, so blur does not close the list first.
    this.listbox.addEventListener("mousedown", (event) => event.preventDefault());
    this.listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.open(Number(option.dataset.index));
    });
  }

  schedule() {
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (query.length < MIN_CHARS) {
      this.abort();
      this.lastQuery = "";
      this.suggestions = [];
      this.close();
      this.listbox.replaceChildren();
      this.announce("");
      return;
    }
    this.timer = setTimeout(() => this.fetch(query), DEBOUNCE_MS);
  }

  abort() {
    if (this.controller) this.controller.abort();
    this.controller = null;
  }

  async fetch(query) {
    if (query === this.lastQuery && !this.listbox.hidden) return;
    this.abort();
    let suggestions = this.cache.get(query);
    if (!suggestions) {
      const controller = new AbortController();
      this.controller = controller;
      try {
        const address = new URL(this.url, window.location.href);
        address.searchParams.set("q", query);
        const response = await fetch(address, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`Suggestions answered ${response.status}`);
        suggestions = (await response.json()).suggestions || [];
      } catch {
        // Aborted, signed out or unavailable: the box still searches without suggestions.
        if (controller === this.controller) this.close();
        return;
      }
      this.cache.set(query, suggestions);
      if (controller !== this.controller) return; // A newer request has been sent.
      this.controller = null;
    }
    // The person may have typed on (or cleared the box) while this was on its way.
    if (query !== this.input.value.trim() || document.activeElement !== this.input) return;
    this.lastQuery = query;
    this.show(suggestions);
  }

  show(suggestions) {
    this.suggestions = suggestions;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.replaceChildren(...suggestions.map((s, i) => this.option(s, i)));
    const n = suggestions.length;
    if (n) {
      this.listbox.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    } else {
      this.close();
    }
    this.announce(n ? `${n} suggestion${n === 1 ? "" : "s"}` : "No suggestions");
  }

  option(suggestion, index) {
    const item = document.createElement("li");
    item.id = `${this.listbox.id}-${index}`;
    item.className = "commons-suggest__option";
    item.dataset.index = String(index);
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    const title = document.createElement("span");
    title.className = "commons-suggest__title";
    title.textContent = suggestion.title;
    const meta = document.createElement("span");
    meta.className = "commons-suggest__meta";
    // "Content page · WCC", "Policy · PDF · WCC", "Social worker · H&F": the item's own label
    // says more than its kind. (The API gives the organisation's slug; a name if it sends one.)
    const what = suggestion.label || KIND_LABELS[suggestion.type] || "";
    const organisation =
      suggestion.organisation_name || (suggestion.organisation || "").toUpperCase();
    meta.textContent = [what, organisation].filter(Boolean).join(" · ");
    const pause = document.createElement("span");
    pause.className = "govuk-visually-hidden";
    pause.textContent = ", "; // Read as "Annual leave, Page · Westminster".
    item.append(title, pause, meta);
    return item;
  }

  highlight(index) {
    const options = this.listbox.querySelectorAll("[role=option]");
    options.forEach((option, i) => {
      const on = i === index;
      option.setAttribute("aria-selected", on ? "true" : "false");
      option.classList.toggle("commons-suggest__option--active", on);
    });
    this.active = index;
    if (index >= 0) {
      this.input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  onKeydown(event) {
    const isOpen = !this.listbox.hidden;
    const n = this.suggestions.length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (!n) return;
        event.preventDefault();
        if (!isOpen) {
          this.listbox.hidden = false;
          this.input.setAttribute("aria-expanded", "true");
        }
        const step = event.key === "ArrowDown" ? 1 : -1;
        // Wraps through "nothing highlighted" (-1), which leaves the typed text to search for.
        const next = this.active + step;
        this.highlight(next >= n ? -1 : next < -1 ? n - 1 : next);
        break;
      }
      case "Enter":
        if (isOpen && this.active >= 0) {
          event.preventDefault();
          this.open(this.active);
        }
        break;
      case "Escape":
        if (isOpen) {
          event.preventDefault(); // Not the browser's "clear the search box".
          this.close();
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
    }
  }

  open(index) {
    const suggestion = this.suggestions[index];
    if (!suggestion) return;
    this.close();
    window.location.assign(suggestion.url);
  }

  close() {
    clearTimeout(this.timer);
    if (this.active >= 0) this.highlight(-1);
    this.listbox.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
  }

  announce(text) {
    // Cleared first so the same count read twice in a row is still announced.
    this.status.textContent = "";
    if (text) setTimeout(() => (this.status.textContent = text), 100);
  }
}

export function initSearchSuggest(root = document) {
  // The site search box, and any other form that names a suggestions address (the people
  // directory asks for people only).
  root.querySelectorAll("form.commons-search, form[data-suggest-url]").forEach((form) => {
    const input = form.querySelector("input[name=q]");
    if (input && !input.hasAttribute("role")) new SearchSuggest(form, input);
  });
}
