// The turnar form: the "person" select offers only the people of the chosen área (each
// <option> lists its áreas in data-areas). The server checks it again.
(function () {
  "use strict";
  document.querySelectorAll("form").forEach(function (form) {
    var area = form.querySelector("select[data-turnar-area]");
    var persona = form.querySelector("select[data-turnar-persona]");
    if (!area || !persona) return;
    function filtrar() {
      var elegida = area.value;
      Array.prototype.forEach.call(persona.options, function (opcion) {
        if (!opcion.value) return; // "Al área en general"
        var areas = (opcion.getAttribute("data-areas") || "").split(" ");
        var fuera = !elegida || areas.indexOf(elegida) === -1;
        opcion.hidden = fuera;
        opcion.disabled = fuera;
        if (fuera && opcion.selected) persona.value = "";
      });
    }
    area.addEventListener("change", filtrar);
    filtrar();
  });
})();
