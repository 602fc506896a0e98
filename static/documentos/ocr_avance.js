// The escrito page's OCR progress updates by itself: while a file is being read, ask
// avance.json every few seconds and redraw each file's OCR cell; stop when all are done.
// Without JavaScript the page keeps its "Actualizar el avance" link.
(function () {
  "use strict";
  var aviso = document.querySelector("[data-ocr-avance]");
  if (!aviso) return;
  var url = aviso.getAttribute("data-ocr-avance");
  var cada = 3000;
  var enlace = aviso.querySelector("a");
  if (enlace) enlace.hidden = true;

  function pintar(datos) {
    datos.archivos.forEach(function (archivo) {
      var celda = document.getElementById("ocr-" + archivo.id);
      if (celda && celda.getAttribute("data-estado") !== archivo.firma) {
        celda.outerHTML = archivo.html;
      }
    });
    if (!datos.activo) {
      aviso.querySelector("[data-ocr-texto]").textContent = aviso.getAttribute("data-terminado");
    }
  }

  function preguntar() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      })
      .then(function (datos) {
        pintar(datos);
        if (datos.activo) setTimeout(preguntar, cada);
      })
      .catch(function () {
        if (enlace) enlace.hidden = false; // the fallback: reload by hand
      });
  }
  setTimeout(preguntar, cada);
})();
