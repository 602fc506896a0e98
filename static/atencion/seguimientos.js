// The seguimientos of an activity are listed newest first: a new one (Wagtail's InlinePanel
// appends it) is moved to the top of the list and its first field gets the focus.
document.querySelectorAll("[data-seguimientos]").forEach((lista) => {
  new MutationObserver((cambios) => {
    for (const cambio of cambios) {
      for (const nodo of cambio.addedNodes) {
        if (nodo.nodeType !== 1 || !nodo.matches("[data-inline-panel-child]")) continue;
        if (nodo === lista.firstElementChild) continue;
        lista.prepend(nodo);
        const campo = nodo.querySelector("input:not([type=hidden]), textarea, select");
        if (campo) campo.focus();
      }
    }
  }).observe(lista, { childList: true });
});
