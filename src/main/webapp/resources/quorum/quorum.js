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

/* On paper nothing can be unfolded: a printed page shows what is folded away on screen (a roll-call, a detail). */
(function () {
    window.addEventListener('beforeprint', function () {
        document.querySelectorAll('details:not([open])').forEach(function (details) {
            details.setAttribute('open', '');
            details.setAttribute('data-q-opened-for-print', '');
        });
    });
    window.addEventListener('afterprint', function () {
        document.querySelectorAll('details[data-q-opened-for-print]').forEach(function (details) {
            details.removeAttribute('open');
            details.removeAttribute('data-q-opened-for-print');
        });
    });
})();
