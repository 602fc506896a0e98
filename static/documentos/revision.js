/* Folio: the review of a versión pública. Progressive: without JavaScript every form posts
   and the page reloads. With it, forms and page links are sent in the background and the
   page's parts are redrawn from ?parcial=1; the boxes over the page become buttons (click,
   Enter or Space: accept a suggested or rejected box, reject an accepted one) and dragging
   on the page draws a new box (its category is then chosen in a small form). */
(function () {
  "use strict";

  var raiz = document.querySelector("[data-revision]");
  if (!raiz || !window.fetch || !window.FormData) return;
  var aviso = document.querySelector("[data-revision-aviso]");
  var SVG = "http://www.w3.org/2000/svg";

  function avisar(texto, esError) {
    if (!aviso) return;
    aviso.textContent = texto || "";
    aviso.classList.toggle("folio-revision__aviso--error", !!esError);
  }

  function partes() {
    return raiz.querySelector("[data-revision-partes]");
  }

  function token() {
    var campo = raiz.querySelector("input[name=csrfmiddlewaretoken]");
    return campo ? campo.value : "";
  }

  function pedir(url, opciones) {
    opciones = opciones || {};
    opciones.credentials = "same-origin";
    opciones.headers = Object.assign({ "X-Requested-With": "fetch" }, opciones.headers || {});
    return fetch(url, opciones);
  }

  function mostrar(html, enfocar) {
    raiz.innerHTML = html;
    mejorar();
    var destino = enfocar && raiz.querySelector(enfocar);
    if (!destino) destino = raiz.querySelector("#revision-pagina-titulo");
    if (destino) {
      if (!destino.hasAttribute("tabindex")) destino.setAttribute("tabindex", "-1");
      destino.focus({ preventScroll: true });
    }
  }

  function conParcial(url) {
    var u = new URL(url, window.location.href);
    u.hash = "";
    u.searchParams.set("parcial", "1");
    return u.toString();
  }

  /* The last page asked for wins: an earlier load still in flight is aborted. */
  var enCurso = null;

  function cargar(url, enfocar) {
    if (enCurso) enCurso.abort();
    var esta = window.AbortController ? new AbortController() : null;
    enCurso = esta;
    return pedir(conParcial(url), esta ? { signal: esta.signal } : {}).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.text();
    }).then(function (html) {
      mostrar(html, enfocar);
    });
  }

  function recargar(enfocar) {
    var actual = partes();
    var url = actual && actual.dataset.parcial;
    if (!url) {
      window.location.reload();
      return Promise.resolve();
    }
    return cargar(url, enfocar);
  }

  function enviar(url, datos, enfocar) {
    datos.append("csrfmiddlewaretoken", datos.get("csrfmiddlewaretoken") || token());
    return pedir(url, { method: "POST", body: datos, headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().catch(function () { return { error: raiz.dataset.textoError }; });
      })
      .then(function (respuesta) {
        avisar(respuesta.error || respuesta.mensaje, !!respuesta.error);
        return recargar(enfocar);
      })
      .catch(function () {
        avisar(raiz.dataset.textoError, true);
      });
  }

  /* The boxes: focusable buttons that toggle their decision. */
  function decidir(svg, caja) {
    var datos = new FormData();
    datos.append("cajas", caja.dataset.caja);
    datos.append("decision", caja.dataset.estado === "aceptada" ? "rechazar" : "aceptar");
    enviar(svg.dataset.decidir, datos, '[data-caja="' + caja.dataset.caja + '"]');
  }

  function mejorarCajas(svg) {
    var cajas = svg.querySelectorAll("rect[data-caja]");
    svg.removeAttribute("aria-hidden");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", svg.dataset.etiqueta || "");
    if (!svg.dataset.dibujar) return;
    cajas.forEach(function (caja) {
      caja.setAttribute("tabindex", "0");
      caja.setAttribute("role", "button");
      caja.setAttribute("aria-label", caja.dataset.etiqueta || "");
      caja.addEventListener("click", function (e) {
        e.stopPropagation();
        decidir(svg, caja);
      });
      caja.addEventListener("pointerdown", function (e) { e.stopPropagation(); });
      caja.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          decidir(svg, caja);
        }
      });
    });
  }

  /* Drawing: drag on the page; the box is kept in the page's pixels (the SVG's viewBox). */
  function punto(svg, e) {
    var p = svg.createSVGPoint();
    p.x = e.clientX;
    p.y = e.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }

  function mejorarDibujo(svg) {
    var form = raiz.querySelector("[data-form-dibujar]");
    var ayuda = raiz.querySelector("[data-ayuda-dibujar]");
    if (!form || !svg.dataset.dibujar) return;
    if (ayuda) ayuda.hidden = false;
    var inicio = null;
    var nueva = null;

    function descartar() {
      if (nueva) nueva.remove();
      nueva = null;
      form.hidden = true;
    }

    function caja(p) {
      var vb = svg.viewBox.baseVal;
      var x0 = Math.max(0, Math.min(inicio.x, p.x));
      var y0 = Math.max(0, Math.min(inicio.y, p.y));
      var x1 = Math.min(vb.width, Math.max(inicio.x, p.x));
      var y1 = Math.min(vb.height, Math.max(inicio.y, p.y));
      return { x: Math.round(x0), y: Math.round(y0), ancho: Math.round(x1 - x0), alto: Math.round(y1 - y0) };
    }

    function dibujar(c) {
      nueva.setAttribute("x", c.x);
      nueva.setAttribute("y", c.y);
      nueva.setAttribute("width", c.ancho);
      nueva.setAttribute("height", c.alto);
    }

    svg.addEventListener("pointerdown", function (e) {
      if (e.button !== 0) return;
      e.preventDefault();
      descartar();
      inicio = punto(svg, e);
      nueva = document.createElementNS(SVG, "rect");
      nueva.setAttribute("class", "folio-caja folio-caja--nueva");
      svg.appendChild(nueva);
      dibujar(caja(inicio));
      svg.setAttribute("data-dibujando", "");
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", function (e) {
      if (inicio) dibujar(caja(punto(svg, e)));
    });
    svg.addEventListener("pointerup", function (e) {
      if (!inicio) return;
      var c = caja(punto(svg, e));
      inicio = null;
      svg.removeAttribute("data-dibujando");
      if (c.ancho < 4 || c.alto < 4) {
        descartar();
        return;
      }
      dibujar(c);
      ["x", "y", "ancho", "alto"].forEach(function (campo) {
        form.elements[campo].value = c[campo];
      });
      form.hidden = false;
      form.elements.categoria.focus();
    });
    form.querySelector("[data-cancelar-dibujo]").addEventListener("click", descartar);
  }

  /* Forms and page links in the background. */
  function mejorarFormularios() {
    raiz.querySelectorAll("form[data-revision-accion]").forEach(function (form) {
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var datos = new FormData(form);
        if (e.submitter && e.submitter.name) datos.append(e.submitter.name, e.submitter.value);
        enviar(form.action, datos);
      });
    });
    raiz.querySelectorAll("a[data-revision-ir]").forEach(function (enlace) {
      enlace.addEventListener("click", function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        cargar(enlace.href).then(function () {
          window.history.pushState({ revision: true }, "", enlace.href);
          avisar("");
        }).catch(function (error) {
          if (error && error.name === "AbortError") return;
          window.location.href = enlace.href;
        });
      });
    });
  }

  function mejorar() {
    var svg = raiz.querySelector("svg[data-cajas]");
    if (svg) {
      mejorarCajas(svg);
      mejorarDibujo(svg);
    }
    mejorarFormularios();
  }

  window.addEventListener("popstate", function () {
    cargar(window.location.href).catch(function (error) {
      if (!error || error.name !== "AbortError") window.location.reload();
    });
  });

  mejorar();
})();
