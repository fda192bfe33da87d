/* newsprism page script: citation previews and folding sections. Progressive: without it the
   page is complete (citations are plain links, sections are open). It never builds markup from
   text: every text is set with textContent, and it makes no request. */
(function () {
  "use strict";
  var preview = null, owner = null, firstTap = null, hideTimer = 0;

  function reveal(el) {
    for (var n = el; n; n = n.parentElement) {
      if (n.classList && n.classList.contains("folded")) setFolded(n, false);
      if (n.tagName === "DETAILS") n.open = true;
    }
  }

  function setFolded(section, folded) {
    section.classList.toggle("folded", folded);
    var button = section.querySelector(":scope > h2 > button.fold");
    if (button) button.setAttribute("aria-expanded", String(!folded));
  }

  function addFolds() {
    var sections = document.querySelectorAll("main > section[id]");
    for (var i = 0; i < sections.length; i++) {
      var section = sections[i], h2 = section.querySelector(":scope > h2");
      if (!h2) continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fold";
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("aria-controls", section.id);
      while (h2.firstChild) button.appendChild(h2.firstChild);
      h2.appendChild(button);
      button.addEventListener("click", function (event) {
        var s = event.currentTarget.closest("section");
        setFolded(s, !s.classList.contains("folded"));
      });
    }
  }

  function targetOf(link) {
    var href = link.getAttribute("href") || "";
    return href.charAt(0) === "#" ? document.getElementById(href.slice(1)) : null;
  }

  function line(cls, text) {
    var p = document.createElement("p");
    p.className = cls;
    p.textContent = text;
    return p;
  }

  function build(link, sentence) {
    var article = sentence.closest("article.source");
    var chip = article ? article.querySelector(".byline .chip") : null;
    var title = article ? article.querySelector("h3") : null;
    var outlet = chip ? chip.textContent.trim() : "";
    var box = document.createElement("div");
    box.id = "np-preview";
    box.className = "preview";
    box.setAttribute("role", "tooltip");
    box.appendChild(line("where", outlet + " " + link.textContent.trim()));
    if (title) box.appendChild(line("title", title.textContent.trim()));
    box.appendChild(line("said", sentence.textContent.trim()));
    var open = document.createElement("a");
    open.href = link.getAttribute("href");
    open.textContent = "Open in the article";
    open.className = "open";
    open.addEventListener("click", function () { reveal(sentence); hide(); });
    box.appendChild(open);
    box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", scheduleHide);
    return box;
  }

  function place(box, link) {
    var r = link.getBoundingClientRect(), width = Math.min(420, window.innerWidth - 16);
    box.style.width = width + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function show(link) {
    var sentence = targetOf(link);
    if (!sentence) return;
    clearTimeout(hideTimer);
    hide();
    preview = build(link, sentence);
    owner = link;
    link.setAttribute("aria-describedby", "np-preview");
    document.body.appendChild(preview);
    place(preview, link);
  }

  function hide() {
    if (preview) preview.remove();
    if (owner) owner.removeAttribute("aria-describedby");
    preview = null;
    owner = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function citation(event) {
    var t = event.target;
    return t && t.closest ? t.closest(".cites a[href^='#']") : null;
  }

  document.addEventListener("mouseover", function (e) { var l = citation(e); if (l && l !== owner) show(l); });
  document.addEventListener("mouseout", function (e) { if (citation(e)) scheduleHide(); });
  document.addEventListener("focusin", function (e) { var l = citation(e); if (l) show(l); });
  document.addEventListener("focusout", function (e) {
    if (citation(e) && !(preview && preview.contains(e.relatedTarget))) scheduleHide();
  });
  // Decided on pointerdown, before the mouse events a touch also fires (which show the preview).
  document.addEventListener("pointerdown", function (e) {
    var link = citation(e);
    firstTap = e.pointerType === "touch" && link && owner !== link ? link : null;
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  document.addEventListener("click", function (e) {
    var link = citation(e);
    if (link && firstTap === link) {  // the first tap previews, a second one opens
      firstTap = null;
      e.preventDefault();
      if (owner !== link) show(link);
      return;
    }
    var anchor = e.target && e.target.closest ? e.target.closest("a[href^='#']") : null;
    var target = anchor ? targetOf(anchor) : null;
    if (target) { reveal(target); hide(); }
    else if (preview && !preview.contains(e.target)) hide();
  });
  window.addEventListener("hashchange", function () {
    var t = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (t) reveal(t);
  });

  // Print everything: open folded sections and groups before the browser lays out the page.
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("section.folded, details:not([open])");
    for (var i = 0; i < folded.length; i++) reveal(folded[i]);
  });

  addFolds();
  if (location.hash) {
    var first = document.getElementById(location.hash.slice(1));
    if (first) { reveal(first); first.scrollIntoView(); }
  }
})();
