// The ticket page follows its turno: every 5 s it asks estado.json and updates the message.
// Without JavaScript the page has an "Actualizar" link.
(function () {
  "use strict";
  var turno = document.querySelector("[data-turno]");
  if (!turno) return;
  var url = turno.getAttribute("data-estado-url");
  var campo = function (nombre) { return turno.querySelector('[data-campo="' + nombre + '"]'); };
  var caja = campo("caja");
  var anterior = null;

  function mostrar(datos) {
    if (datos.mensaje !== campo("mensaje").textContent) campo("mensaje").textContent = datos.mensaje;
    campo("espera").textContent = datos.espera || "";
    caja.className = "turno__estado turno__estado--" + datos.estado;
    var encuesta = campo("encuesta");
    if (encuesta && datos.estado === "terminada") encuesta.hidden = false;
    if (anterior !== null && anterior !== datos.estado && datos.estado === "llamada" && navigator.vibrate) {
      navigator.vibrate([300, 100, 300]);
    }
    anterior = datos.estado;
  }

  function consultar() {
    fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (datos) {
        if (datos) mostrar(datos);
        if (!datos || !datos.terminado) setTimeout(consultar, 5000);
      })
      .catch(function () { setTimeout(consultar, 10000); });
  }

  setTimeout(consultar, 5000);
})();
