/* Folio: the escrito page's viewer. Progressive: without JavaScript every page and zoom
   link reloads the page. With it, the viewer's page part is fetched from the staff
   fragment endpoint and swapped in place; the address follows with history.pushState,
   so Back and a copied link show the same page. */
(function () {
  "use strict";

  var raiz = document.querySelector("[data-visor]");
  if (!raiz || !window.fetch || !window.history || !window.history.pushState) return;
  var aviso = document.querySelector("[data-visor-aviso]");

  function avisar(texto) {
    if (aviso) aviso.textContent = texto || "";
  }

  function fragmento(url) {
    var destino = new URL(url, window.location.href);
    var f = new URL(raiz.dataset.fragmento, window.location.href);
    f.search = destino.search;
    return f.toString();
  }

  function cargar(url, historial) {
    raiz.setAttribute("aria-busy", "true");
    return fetch(fragmento(url), {
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (r) {
        return r.text().then(function (texto) {
          return { ok: r.ok, status: r.status, texto: texto };
        });
      })
      .then(function (r) {
        if (!r.ok) {
          avisar(r.status === 400 ? r.texto : raiz.dataset.textoError);
          return;
        }
        raiz.innerHTML = r.texto;
        avisar("");
        if (historial) window.history.pushState({ visor: true }, "", url);
        var titulo = raiz.querySelector("[data-visor-titulo]");
        if (titulo) titulo.focus({ preventScroll: true });
      })
      .catch(function () {
        avisar(raiz.dataset.textoError);
      })
      .then(function () {
        raiz.removeAttribute("aria-busy");
      });
  }

  raiz.addEventListener("click", function (e) {
    var enlace = e.target.closest("a[data-visor-ir]");
    if (!enlace || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    cargar(enlace.href, true);
  });

  raiz.addEventListener("submit", function (e) {
    var form = e.target.closest("form[data-visor-form]");
    if (!form) return;
    e.preventDefault();
    var url = new URL(form.action, window.location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    cargar(url.toString(), true);
  });

  window.addEventListener("popstate", function () {
    cargar(window.location.href, false);
  });
})();
