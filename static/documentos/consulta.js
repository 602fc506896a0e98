// The acuse's QR opens /oficialia/consulta/#folio=…&codigo=…: the fragment never reaches
// the server. Fill the form from it, drop it from the address bar and history, and post.
// Old printed QRs put the same values in the query string; they are handled the same way.
(function () {
  "use strict";
  var form = document.querySelector("form[data-consulta]");
  if (!form) return;
  var desde = new URLSearchParams(location.hash.slice(1));
  if (!desde.get("codigo")) desde = new URLSearchParams(location.search);
  var folio = desde.get("folio"), codigo = desde.get("codigo");
  if (!codigo) return;
  history.replaceState(null, "", location.pathname + (folio ? "?folio=" + encodeURIComponent(folio) : ""));
  if (folio) form.elements.folio.value = folio;
  form.elements.codigo.value = codigo;
  if (folio) form.submit();
})();
