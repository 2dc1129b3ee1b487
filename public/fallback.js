// Show the static version of the page when WebAssembly is not available
// (old browsers, iOS Lockdown Mode): the app itself cannot start there.
(function () {
  var page = document.getElementById('static-page');
  if (page && (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')) {
    page.hidden = false;
  }
})();
