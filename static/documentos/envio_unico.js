/* Folio: a form marked data-folio-envio-unico is sent once. The first submit disables its
   buttons and says "Enviando…" (data-texto-enviando); further clicks do nothing. Coming back
   with the browser's back button re-enables it: the form's one-time token makes the server
   answer a repeat with the first acuse, never a second folio. */
(function () {
  "use strict";

  function iniciar(form) {
    var enviando = false;
    var botones = form.querySelectorAll("button[type=submit], input[type=submit]");
    var textos = Array.prototype.map.call(botones, function (b) { return b.textContent; });

    form.addEventListener("submit", function (e) {
      if (enviando) {
        e.preventDefault();
        return;
      }
      enviando = true;
      form.setAttribute("aria-busy", "true");
      Array.prototype.forEach.call(botones, function (boton) {
        // Disabled after this event, so the click that sends still counts.
        window.setTimeout(function () { boton.disabled = true; }, 0);
        if (form.dataset.textoEnviando && boton.tagName === "BUTTON" && !boton.dataset.controller) {
          boton.textContent = form.dataset.textoEnviando;
        }
      });
    });

    window.addEventListener("pageshow", function (e) {
      if (!e.persisted) return;
      enviando = false;
      form.removeAttribute("aria-busy");
      Array.prototype.forEach.call(botones, function (boton, i) {
        boton.disabled = false;
        if (!boton.dataset.controller) boton.textContent = textos[i];
      });
    });
  }

  function todos() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-folio-envio-unico]"), iniciar);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", todos);
  } else {
    todos();
  }
})();
