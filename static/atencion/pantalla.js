// The display board polls its state every few seconds (short polling: a cached JSON, cheap
// for many boards under sync gunicorn workers) and redraws without reloading. Each new call,
// or a call again (the ficha's `llamadas` grows), flashes and is said aloud in Spanish once
// someone pressed "Activar voz" (browsers only speak after a user gesture).
(function () {
  "use strict";
  var main = document.querySelector("[data-pantalla]");
  if (!main) return;
  var url = main.dataset.pantalla;
  var segundos = Number(main.dataset.segundos) || 2;
  var reloj = document.querySelector("[data-reloj]");
  var boton = document.querySelector("[data-activar-voz]");
  var texto = function (nombre) {
    return document.querySelector("[data-texto-" + nombre + "]").content.textContent;
  };
  var vistas = null; // ficha id -> times called, as last drawn
  var voz = false;
  var desfase = 0, zona;

  if ("speechSynthesis" in window && boton) {
    boton.hidden = false;
    boton.addEventListener("click", function () {
      voz = true;
      boton.hidden = true;
      // Speaking once inside the gesture unlocks the voice for the calls that follow.
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(" "));
    });
  }

  function decir(frase) {
    main.dataset.anuncios = String(Number(main.dataset.anuncios || 0) + 1);
    main.dataset.ultimoAnuncio = frase;
    if (!voz) return;
    var u = new SpeechSynthesisUtterance(frase);
    u.lang = "es-MX";
    u.rate = 0.9;
    window.speechSynthesis.speak(u);
  }

  function elemento(etiqueta, clase, contenido) {
    var e = document.createElement(etiqueta);
    if (clase) e.className = clase;
    if (contenido !== undefined) e.textContent = contenido;
    return e;
  }

  function llamada(l, clase) {
    var li = elemento("li", clase);
    li.dataset.ficha = l.id;
    li.append(
      elemento("span", "folio-pantalla__codigo", l.codigo), " ",
      elemento("span", "", "→"), elemento("span", "folio-visualmente-oculto", texto("pase")), " ",
      elemento("span", "folio-pantalla__ventanilla", texto("ventanilla") + " " + l.ventanilla)
    );
    li.children[1].setAttribute("aria-hidden", "true");
    return li;
  }

  function dibujar(estado) {
    var nuevas = {};
    var lista = main.querySelector("[data-actuales]");
    lista.replaceChildren.apply(lista, estado.actuales.map(function (l) {
      var li = llamada(l, "folio-pantalla__llamada");
      if (vistas !== null && (vistas[l.id] || 0) < l.llamadas) {
        li.classList.add("folio-pantalla__llamada--nueva");
        decir(l.voz);
      }
      nuevas[l.id] = l.llamadas;
      return li;
    }));
    if (!estado.actuales.length) lista.append(elemento("li", "folio-pantalla__vacio", texto("vacio")));
    var ultimas = main.querySelector("[data-ultimas]");
    ultimas.replaceChildren.apply(ultimas, estado.ultimas.map(function (l) {
      nuevas[l.id] = l.llamadas;
      return llamada(l, "");
    }));
    var colas = document.querySelector("[data-colas]");
    colas.replaceChildren.apply(colas, estado.colas.map(function (c) {
      var li = elemento("li");
      li.append(elemento("span", "folio-pantalla__prefijo", c.prefijo), " " + c.servicio + ": ",
        elemento("strong", "", String(c.en_espera)));
      return li;
    }));
    vistas = nuevas;
    main.dataset.consultas = String(Number(main.dataset.consultas || 0) + 1);
    desfase = Date.parse(estado.ahora) - Date.now();
    zona = estado.zona;
  }

  function hora() {
    var opciones = {hour: "2-digit", minute: "2-digit", hour12: false};
    if (zona) opciones.timeZone = zona;
    try {
      reloj.textContent = new Date(Date.now() + desfase).toLocaleTimeString("es-MX", opciones);
    } catch (e) {
      zona = undefined;
    }
  }

  function consultar() {
    fetch(url, {cache: "no-store", headers: {Accept: "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(dibujar)
      .catch(function () { /* next round */ })
      .then(function () { setTimeout(consultar, segundos * 1000); });
  }

  consultar();
  setInterval(hora, 1000);
})();
