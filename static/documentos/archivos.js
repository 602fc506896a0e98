/* Folio: drag-and-drop and previews for <input type="file" multiple data-folio-archivos>.
   Without JavaScript the plain file input keeps working. Texts come from data-texto-*
   attributes of the surrounding [data-folio-zona] (translated in the template).
   With data-url-calidad, each chosen file is sent there once for the quality check and its
   warnings are shown on its card (a warning never stops the sending; "Reemplazar" picks
   another file). Once every file is checked, the form's confirmar_calidad is set: the
   sender has seen the warnings, so the server does not stop the sending to show them. */
(function () {
  "use strict";

  var ACEPTADOS = /\.(pdf|png|jpe?g|tiff?)$/i;

  function tamanoLegible(bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + " KB";
    return (bytes / 1024 / 1024).toFixed(1) + " MB";
  }

  function soportaDataTransfer() {
    try {
      return typeof DataTransfer === "function" && !!new DataTransfer().items;
    } catch (e) {
      return false;
    }
  }

  function iniciar(zona) {
    var input = zona.querySelector("input[type=file][data-folio-archivos]");
    if (!input) return;
    var t = zona.dataset;
    var maximo = parseInt(t.maxBytes || "0", 10);
    var acumular = soportaDataTransfer();
    var seleccion = acumular ? new DataTransfer() : null;
    var urls = [];

    zona.classList.add("folio-zona--activa");
    var texto = document.createElement("p");
    texto.className = "folio-zona__texto";
    texto.textContent = t.textoZona || "";
    zona.insertBefore(texto, zona.firstChild);

    var lista = document.createElement("ul");
    lista.className = "folio-previas";
    var estado = document.createElement("p");
    estado.className = "folio-zona__estado";
    estado.setAttribute("aria-live", "polite");
    var visor = document.createElement("div");
    visor.className = "folio-previa-grande";
    visor.hidden = true;
    zona.appendChild(estado);
    zona.appendChild(lista);
    zona.appendChild(visor);

    var urlCalidad = t.urlCalidad || "";
    var revisiones = {};
    var form = zona.closest("form");
    var confirmar = form && form.querySelector("input[name=confirmar_calidad]");
    var confirmadoAntes = confirmar && confirmar.value === "1";
    var boton = form && form.querySelector("button[type=submit][data-texto-de-todos-modos]");
    var textoBoton = boton ? boton.textContent : "";

    function clave(archivo) {
      return archivo.name + "|" + archivo.size + "|" + archivo.lastModified;
    }

    function revisable(archivo) {
      return urlCalidad && archivo.size > 0 && ACEPTADOS.test(archivo.name) &&
        !(maximo && archivo.size > maximo);
    }

    function revisar(archivo) {
      var k = clave(archivo);
      if (!revisable(archivo) || revisiones[k]) return;
      revisiones[k] = { lista: false, avisos: [], error: "" };
      var datos = new FormData();
      datos.append("archivo", archivo, archivo.name);
      var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
      fetch(urlCalidad, {
        method: "POST",
        body: datos,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "" }
      })
        .then(function (r) { return r.json(); })
        .then(function (d) {
          revisiones[k] = { lista: !d.agotado, fallo: !!d.agotado, avisos: d.avisos || [], error: d.error || "" };
        })
        .catch(function () {
          // Not checked here: the server checks when the form is sent.
          revisiones[k] = { lista: true, fallo: true, avisos: [], error: "" };
        })
        .then(function () { actualizarCalidad(); });
    }

    function pintarCalidad(caja, item, archivo) {
      var r = revisiones[clave(archivo)];
      caja.textContent = "";
      if (!r) return;
      if (!r.lista) {
        caja.textContent = t.textoRevisando || "";
        return;
      }
      if (r.fallo) return;
      if (r.error) {
        var error = document.createElement("span");
        error.className = "folio-previa__aviso";
        error.textContent = r.error;
        caja.appendChild(error);
      } else if (r.avisos.length) {
        var lista = document.createElement("ul");
        lista.className = "folio-previa__avisos";
        r.avisos.forEach(function (texto) {
          var li = document.createElement("li");
          li.textContent = texto;
          lista.appendChild(li);
        });
        caja.appendChild(lista);
        var ayuda = document.createElement("span");
        ayuda.className = "folio-previa__ayuda";
        ayuda.textContent = t.textoCalidadAyuda || "";
        caja.appendChild(ayuda);
      } else {
        var bien = document.createElement("span");
        bien.className = "folio-previa__bien";
        bien.textContent = t.textoCalidadBien || "";
        caja.appendChild(bien);
      }
      if (r.error || r.avisos.length) {
        item.classList.add("folio-previa--aviso", "folio-previa--calidad");
        var botones = item.querySelector(".folio-previa__botones");
        if (acumular && botones && !botones.querySelector("[data-reemplazar]")) {
          var reemplazar = document.createElement("button");
          reemplazar.type = "button";
          reemplazar.className = "button button-small";
          reemplazar.dataset.reemplazar = "";
          reemplazar.textContent = t.textoReemplazar || "";
          reemplazar.setAttribute("aria-label", (t.textoReemplazar || "") + ": " + archivo.name);
          reemplazar.addEventListener("click", function () {
            var k = clave(archivo);
            var indice = Array.prototype.findIndex.call(seleccion.files, function (f) {
              return clave(f) === k;
            });
            if (indice >= 0) quitarArchivo(indice);
            input.click();
          });
          botones.insertBefore(reemplazar, botones.firstChild);
        }
      }
    }

    function actualizarCalidad() {
      if (!urlCalidad) return;
      var lote = Array.prototype.slice.call(archivos());
      var conAvisos = false;
      var todas = true;
      Array.prototype.forEach.call(lista.querySelectorAll("[data-clave]"), function (item) {
        var archivo = lote.filter(function (f) { return clave(f) === item.dataset.clave; })[0];
        if (archivo) pintarCalidad(item.querySelector(".folio-previa__calidad"), item, archivo);
      });
      lote.forEach(function (archivo) {
        var r = revisiones[clave(archivo)];
        if (!revisable(archivo)) return;
        if (!r || !r.lista || r.fallo) todas = false;
        else if (r.avisos.length || r.error) conAvisos = true;
      });
      if (confirmar) confirmar.value = confirmadoAntes || (todas && lote.length) ? "1" : "";
      if (boton) boton.textContent = conAvisos ? boton.dataset.textoDeTodosModos : textoBoton;
    }

    function archivos() {
      return acumular ? seleccion.files : input.files;
    }

    function cerrarVisor() {
      visor.hidden = true;
      visor.textContent = "";
    }

    function abrirVisor(archivo, url) {
      visor.textContent = "";
      var cerrar = document.createElement("button");
      cerrar.type = "button";
      cerrar.className = "button button-small button-secondary";
      cerrar.textContent = t.textoCerrar || "×";
      cerrar.addEventListener("click", cerrarVisor);
      var contenido;
      if (/pdf$/i.test(archivo.type) || /\.pdf$/i.test(archivo.name)) {
        contenido = document.createElement("object");
        contenido.type = "application/pdf";
        contenido.data = url;
      } else {
        contenido = document.createElement("img");
        contenido.src = url;
        contenido.alt = archivo.name;
      }
      contenido.className = "folio-previa-grande__contenido";
      visor.appendChild(cerrar);
      visor.appendChild(contenido);
      visor.hidden = false;
      cerrar.focus();
    }

    function pintar() {
      urls.forEach(function (u) { URL.revokeObjectURL(u); });
      urls = [];
      lista.textContent = "";
      cerrarVisor();
      var lote = archivos();
      estado.textContent = lote.length ? lote.length + " " + (t.textoCuenta || "") : "";
      Array.prototype.forEach.call(lote, function (archivo, indice) {
        var url = URL.createObjectURL(archivo);
        urls.push(url);
        var item = document.createElement("li");
        item.className = "folio-previa";
        var miniatura = document.createElement("div");
        miniatura.className = "folio-previa__miniatura";
        if (/^image\/(png|jpeg)$/.test(archivo.type)) {
          var img = document.createElement("img");
          img.src = url;
          img.alt = "";
          miniatura.appendChild(img);
        } else {
          miniatura.textContent = (archivo.name.split(".").pop() || "?").toUpperCase().slice(0, 4);
        }
        var datos = document.createElement("div");
        datos.className = "folio-previa__datos";
        var nombre = document.createElement("strong");
        nombre.textContent = archivo.name;
        var detalle = document.createElement("span");
        detalle.textContent = tamanoLegible(archivo.size);
        datos.appendChild(nombre);
        datos.appendChild(detalle);
        var avisos = [];
        if (archivo.size === 0) avisos.push(t.textoVacio);
        if (!ACEPTADOS.test(archivo.name)) avisos.push(t.textoTipo);
        if (maximo && archivo.size > maximo) avisos.push(t.textoGrande);
        if (avisos.length) {
          var aviso = document.createElement("span");
          aviso.className = "folio-previa__aviso";
          aviso.textContent = avisos.join(" · ");
          datos.appendChild(aviso);
          item.classList.add("folio-previa--aviso");
        }
        var botones = document.createElement("div");
        botones.className = "folio-previa__botones";
        if (archivo.size > 0 && /\.(pdf|png|jpe?g)$/i.test(archivo.name)) {
          var ver = document.createElement("button");
          ver.type = "button";
          ver.className = "button button-small button-secondary";
          ver.textContent = t.textoVer || "Ver";
          ver.setAttribute("aria-label", (t.textoVer || "") + ": " + archivo.name);
          ver.addEventListener("click", function () { abrirVisor(archivo, url); });
          botones.appendChild(ver);
        }
        if (acumular) {
          var quitar = document.createElement("button");
          quitar.type = "button";
          quitar.className = "button button-small button-secondary no";
          quitar.textContent = t.textoQuitar || "×";
          quitar.setAttribute("aria-label", (t.textoQuitar || "") + ": " + archivo.name);
          quitar.addEventListener("click", function () { quitarArchivo(indice); });
          botones.appendChild(quitar);
        }
        if (urlCalidad && revisable(archivo)) {
          var calidad = document.createElement("div");
          calidad.className = "folio-previa__calidad";
          calidad.setAttribute("aria-live", "polite");
          datos.appendChild(calidad);
          item.dataset.clave = clave(archivo);
        }
        item.appendChild(miniatura);
        item.appendChild(datos);
        item.appendChild(botones);
        lista.appendChild(item);
        revisar(archivo);
      });
      actualizarCalidad();
    }

    function sincronizar() {
      if (acumular) input.files = seleccion.files;
      pintar();
    }

    function agregar(lote) {
      if (!acumular) {
        pintar();
        return;
      }
      Array.prototype.forEach.call(lote, function (nuevo) {
        var repetido = Array.prototype.some.call(seleccion.files, function (f) {
          return f.name === nuevo.name && f.size === nuevo.size && f.lastModified === nuevo.lastModified;
        });
        if (!repetido) seleccion.items.add(nuevo);
      });
      sincronizar();
    }

    function quitarArchivo(indice) {
      var quedan = new DataTransfer();
      Array.prototype.forEach.call(seleccion.files, function (f, i) {
        if (i !== indice) quedan.items.add(f);
      });
      seleccion = quedan;
      sincronizar();
      input.focus();
    }

    input.addEventListener("change", function () {
      // The file dialog replaces the input's files: add them to what was chosen before.
      agregar(Array.prototype.slice.call(input.files));
    });

    ["dragenter", "dragover"].forEach(function (evento) {
      zona.addEventListener(evento, function (e) {
        e.preventDefault();
        zona.classList.add("folio-zona--encima");
      });
    });
    ["dragleave", "dragend"].forEach(function (evento) {
      zona.addEventListener(evento, function () { zona.classList.remove("folio-zona--encima"); });
    });
    zona.addEventListener("drop", function (e) {
      e.preventDefault();
      e.stopPropagation();
      zona.classList.remove("folio-zona--encima");
      if (e.dataTransfer && e.dataTransfer.files.length) {
        if (acumular) {
          agregar(e.dataTransfer.files);
        } else {
          input.files = e.dataTransfer.files;
          pintar();
        }
      }
    });
    // A file dropped next to the zone must not make the browser leave the form.
    window.addEventListener("dragover", function (e) { e.preventDefault(); });
    window.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) agregar(e.dataTransfer.files);
    });
  }

  function todos() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-folio-zona]"), iniciar);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", todos);
  } else {
    todos();
  }
})();
