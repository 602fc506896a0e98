// A signature's QR opens /verificar/#codigo=…: the fragment never reaches the server.
// Fill the form from it, drop it from the address bar and history, and post.
(function () {
  "use strict";
  var form = document.querySelector("form[data-verificar]");
  if (!form) return;
  var codigo = new URLSearchParams(location.hash.slice(1)).get("codigo");
  if (!codigo) return;
  history.replaceState(null, "", location.pathname);
  form.elements.codigo.value = codigo;
  form.submit();
})();
