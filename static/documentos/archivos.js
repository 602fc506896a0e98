/* Folio: drag-and-drop and previews for <input type="file" multiple data-folio-archivos>.
   Without JavaScript the plain file input keeps working. Texts come from data-texto-*
   attributes of the surrounding [data-folio-zona] (translated in the template). */
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
        item.appendChild(miniatura);
        item.appendChild(datos);
        item.appendChild(botones);
        lista.appendChild(item);
      });
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
