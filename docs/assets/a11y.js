/* Keyboard access to what scrolls sideways (WCAG 2.1.1, axe "scrollable-region-focusable").
 *
 * Material wraps every content table in a scrolling .md-typeset__scrollwrap at
 * run time; on a phone a wide table scrolls inside it, which a keyboard user
 * can only do once the wrapper can take the focus. No dependencies.
 */
(function () {
  "use strict";
  var label = document.documentElement.lang === "ko" ? "표 (옆으로 스크롤)" : "Table (scrolls sideways)";

  function mark(root) {
    var wraps = root.querySelectorAll ? root.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])") : [];
    for (var i = 0; i < wraps.length; i++) {
      wraps[i].setAttribute("tabindex", "0");
      wraps[i].setAttribute("role", "region");
      wraps[i].setAttribute("aria-label", label);
    }
  }

  mark(document);
  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      for (var j = 0; j < changes[i].addedNodes.length; j++) {
        var node = changes[i].addedNodes[j];
        if (node.nodeType === 1) mark(node.parentNode || node);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
