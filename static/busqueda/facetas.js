/* Folio: the public search's facets are a <details>, closed on a phone so the results come
   first; on a wider screen they are opened (and follow the screen when it is resized). */
(function () {
  "use strict";
  var ancho = window.matchMedia("(min-width: 48.01rem)");

  function ajustar() {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-folio-facetas]"), function (d) {
      d.open = ancho.matches;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ajustar);
  } else {
    ajustar();
  }
  if (ancho.addEventListener) ancho.addEventListener("change", ajustar);
})();
