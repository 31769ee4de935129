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
