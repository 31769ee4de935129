/*
 * Quorum — the delegate's tablet: the rules of a choice, with no page and no browser (node tests them).
 *
 * An approval ballot takes one answer; an election takes between `fewest` and `seats` candidates (or a blank paper
 * where allowed), kept in the order of the ballot. A paper's choice is the answer's code, the chosen ids joined by
 * commas, or "-" for a blank paper.
 */

/** The number a data-seats or data-min attribute holds, or 1. */
export function countOf(attribute) {
    return parseInt(attribute, 10) || 1;
}

/** Whether so many chosen candidates may be sent. */
export function inRange(count, fewest, seats) {
    return count >= fewest && count <= seats;
}

/**
 * One candidate pressed: the new list of chosen ones, in ballot order, or {tooMany: true} when the list is full and
 * stays as it was.
 */
export function toggled(chosen, choice, seats, order) {
    let next = chosen.slice();
    const at = next.indexOf(choice);
    if (at >= 0) {
        next.splice(at, 1);
    } else if (seats === 1) {
        next = [choice];
    } else if (next.length >= seats) {
        return {chosen, tooMany: true};
    } else {
        next.push(choice);
    }
    next.sort((x, y) => order.indexOf(x) - order.indexOf(y));
    return {chosen: next, tooMany: false};
}

/** Which note "Next" shows when the count is out of range. */
export function rangeNote(count, seats) {
    return count > seats ? 'tooMany' : 'tooFew';
}

/** Whether a candidate that is not chosen is shown as out of reach (the list is full). */
export function full(chosen, choice, seats) {
    return chosen.indexOf(choice) < 0 && seats > 1 && chosen.length >= seats;
}

/** The choice a paper carries. */
export function paperChoice(election, blank, chosen) {
    return election ? (blank ? '-' : chosen.join(',')) : chosen[0];
}

/** The delegate's own steps that stay on screen through a rendering (the end-to-end ones hold a paper in memory). */
const KEPT_STEPS = ['confirm', 'refused', 'sealing', 'check', 'auditing', 'audited'];

/**
 * The step an open ballot shows after the server rendered it: what the device kept of its paper decides, else the
 * delegate's own step (a confirmation or a refusal stays on screen).
 */
export function stepAfterRender(view, record, voted, step) {
    if (view === 'open') {
        if (record && record.state === 'pending') {
            return 'sending';
        }
        if (record && (record.state === 'recorded' || record.state === 'elsewhere')) {
            return 'recorded';
        }
        return KEPT_STEPS.indexOf(step) >= 0 ? step : 'choose';
    }
    if (view === 'cancelled') {
        return 'none';
    }
    return voted ? 'recorded' : 'none';
}

/**
 * The chip's words for a step of an open ballot (texts: the page's data-chip-* words; retrying: a paper already sent
 * once, or the connection lost); null: the words the server rendered.
 */
export function chipWords(step, view, retrying, texts) {
    if (view !== 'open') {
        return null;
    }
    switch (step) {
        case 'confirm': return texts.chipConfirm;
        case 'sending': return retrying ? texts.chipRetrying : texts.chipSending;
        case 'recorded': return texts.chipRecorded;
        case 'refused': return texts.chipRefused;
        case 'sealing': return texts.e2eSealing;
        case 'check': return texts.e2eChipCheck;
        case 'auditing':
        case 'audited': return texts.e2eChipAudited;
        default: return null;
    }
}

/** A pattern ("You chose: {0} — confirm?") cut around its value: [before, after], or [pattern] without one. */
export function cutPattern(pattern) {
    const at = pattern.indexOf('{0}');
    return at < 0 ? [pattern] : [pattern.substring(0, at), pattern.substring(at + 3)];
}
