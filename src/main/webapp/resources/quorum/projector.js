/*
 * Quorum — the projector's chart in type sized from the screen (Chart.js takes pixels): the same picture at
 * 1920×1080 and 1280×720. PrimeFaces calls it as the chart's extender, before the chart is drawn.
 */
function quorumProjectorChart() {
    var size = Math.max(14, Math.round(window.innerWidth / 64));
    var scales = this.cfg.config.options.scales;
    scales.x.ticks.font.size = size;
    scales.y.ticks.font.size = size;
}

/*
 * Long Vietnamese titles are shown whole on the projector: a text that would take more than its lines gets smaller
 * type, a pixel at a time down to half its size, instead of being cut with "…". Run at load, on resize and after
 * every refresh of the screen.
 */
var QUORUM_FIT = [
    ['.q-projector-meeting-title', 2], ['.q-published-large .q-published-item', 1], ['.q-projector-item', 4],
    ['.q-projector-question', 3], ['.q-published-large .q-published-question', 2], ['.q-projector-blank-title', 4]
];

function quorumFitText() {
    QUORUM_FIT.forEach(function (fit) {
        document.querySelectorAll(fit[0]).forEach(function (element) {
            element.style.fontSize = '';
            var style = getComputedStyle(element);
            var base = parseFloat(style.fontSize);
            var ratio = parseFloat(style.lineHeight) / base || 1.2;
            var size = base;
            while (size > base / 2 && element.getBoundingClientRect().height > fit[1] * size * ratio + 1) {
                size -= 1;
                element.style.fontSize = size + 'px';
            }
            element.dataset.fitted = size < base ? 'smaller' : 'as-designed';
        });
    });
}

(function () {
    var pending;
    function later() {
        clearTimeout(pending);
        pending = setTimeout(quorumFitText, 100);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', quorumFitText);
    } else {
        quorumFitText();
    }
    window.addEventListener('resize', later);
    if (document.fonts && document.fonts.ready) {
        document.fonts.ready.then(quorumFitText);
    }
})();
