/*
 * Quorum's small fixes to the components it uses. Loaded at the end of the body, after PrimeFaces and its locale,
 * and before PrimeFaces builds its widgets.
 */
(function () {
    // PrimeFaces' Vietnamese locale names the page placeholder "{trang}", so screen readers heard "Trang {trang}"
    function fixLocales() {
        var vi = window.PrimeFaces && PrimeFaces.locales && PrimeFaces.locales.vi;
        if (vi && vi.aria) {
            vi.aria.pageLabel = 'Trang {page}';
        }
    }
    fixLocales();
    document.addEventListener('DOMContentLoaded', fixLocales);
})();
