/**
 * Checks of the group, the trustees' ceremony and the ballot's context (specification §1–§3, §7).
 * Each adds what later checks need to `state`.
 */
import { G, GROUP, ZERO, sha256Text, id as idOf, integer, mod, point, q, sha256hex, times } from './encoding.mjs';
import { schnorr } from './proofs.mjs';
import { problems } from './report.mjs';

export function checkGroup(record) {
    const group = record.group ?? {};
    for (const field of ['curve', 'order', 'generator']) {
        if (group[field] !== GROUP[field]) {
            throw new Error(`group.${field} is ${JSON.stringify(group[field])}, not ${GROUP[field]}`);
        }
    }
    if (!point(group.generator).equals(G) || BigInt('0x' + group.order) !== q) {
        throw new Error('the library disagrees with the P-256 parameters');
    }
    return 'P-256 (SEC 2), order q and generator G as the specification fixes them';
}

export function checkCeremonyContext(record, state) {
    const { id, context, n, threshold } = record.ceremony ?? {};
    if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id)) {
        throw new Error('ceremony.id is not 32 lower-case hex digits');
    }
    idOf(record.meeting?.id);
    if (!(Number.isInteger(n) && Number.isInteger(threshold) && threshold >= 1 && threshold <= n && n <= 9)) {
        throw new Error(`not 1 ≤ t ≤ n ≤ 9: n = ${n}, t = ${threshold}`);
    }
    const recomputed = sha256hex('quorum/v1/ceremony', record.meeting.id, id, n, threshold);
    if (recomputed !== context) {
        throw new Error(`ceremony.context is ${context}, the meeting, ceremony id, n and t give ${recomputed}`);
    }
    Object.assign(state, { ceremonyContext: context, n, t: threshold });
    return `${context} (meeting ${record.meeting.id}, ${threshold} of ${n} trustees)`;
}

export function checkTrustees(record, state) {
    const trustees = record.ceremony.trustees;
    if (!Array.isArray(trustees) || trustees.length !== state.n) {
        throw new Error(`${trustees?.length} trustees listed, the ceremony has ${state.n}`);
    }
    state.trustees = trustees.map((trustee, position) => {
        if (trustee.index !== position + 1) {
            throw new Error(`trustee at position ${position + 1} has index ${trustee.index}`);
        }
        if (!Array.isArray(trustee.commitments) || trustee.commitments.length !== state.t) {
            throw new Error(`trustee ${trustee.index} has ${trustee.commitments?.length} commitments, not t = ${state.t}`);
        }
        try {
            return { index: trustee.index, E: point(trustee.deviceKey), C: trustee.commitments.map(point),
                X: point(trustee.verificationKey), listed: trustee };
        } catch (error) {
            throw new Error(`trustee ${trustee.index}: ${error.message}`);
        }
    });
    return `${state.n} trustees, indices 1..${state.n}, each with a device key, ${state.t} commitments and a verification key`;
}

export function checkCeremonyProofs(record, state) {
    const wrong = [];
    for (const { index, E, C, X, listed } of state.trustees) {
        const claims = [['device', E, listed.deviceKeyProof, 'deviceKeyProof'],
            ['commitment', C[0], listed.commitmentProof, 'commitmentProof'],
            ['share', X, listed.verificationKeyProof, 'verificationKeyProof']];
        for (const [tag, key, proof, field] of claims) {
            if (!schnorr({ tag, ceremonyContext: state.ceremonyContext, index, X: key, proof })) {
                wrong.push(`trustee ${index} ${field}`);
            }
        }
    }
    problems(wrong, 3 * state.n, 'Schnorr proofs do not verify');
    return `${3 * state.n} Schnorr proofs verify (device key, commitment C_i0, verification key of every trustee)`;
}

export function checkVerificationKeys(record, state) {
    const wrong = state.trustees.filter(({ index, X }) => {
        let expected = ZERO;
        for (const { C } of state.trustees) {
            let power = 1n;
            for (const Ck of C) {
                expected = expected.add(times(Ck, power));
                power = mod(power * BigInt(index));
            }
        }
        return !expected.equals(X);
    }).map(({ index }) => `trustee ${index}'s verification key is not Σ_i Σ_k ${index}^k·C_ik`);
    problems(wrong, state.n, 'verification keys');
    return `every X_j equals Σ_i Σ_k j^k·C_ik`;
}

export function checkPublicKey(record, state) {
    const PK = point(record.ceremony.publicKey);
    const sum = state.trustees.reduce((total, { C }) => total.add(C[0]), ZERO);
    if (!sum.equals(PK)) {
        throw new Error('ceremony.publicKey is not the sum of the trustees\' C_i0');
    }
    state.publicKey = PK.precompute(8, false);
    return `${record.ceremony.publicKey} = Σ_i C_i0`;
}

export function checkBallotContext(record, state) {
    const ballot = record.ballot ?? {};
    const { kind, options, min, max } = ballot;
    if (!Array.isArray(options) || options.length === 0
            || !options.every((option) => typeof option.code === 'string' && typeof option.label === 'string')) {
        throw new Error('ballot.options is not a list of {code, label}');
    }
    const N = options.length;
    integer(min);
    integer(max);
    const codes = options.map((option) => option.code);
    if (kind === 'APPROVAL' ? !(codes.length === 3 && codes[0] === 'YES' && codes[1] === 'NO' && codes[2] === 'ABSTAIN'
            && min === 1 && max === 1)
        : kind === 'ELECTION' ? !(min <= max && max >= 1 && max <= N) : true) {
        throw new Error(`a ${kind} ballot cannot have the options ${JSON.stringify(codes).slice(0, 80)}, min ${min} and `
            + `max ${max} (§3: an approval has YES, NO, ABSTAIN and 1..1; an election 0 ≤ min ≤ max, 1 ≤ max ≤ N)`);
    }
    const texts = [ballot.question, ...options.flatMap((option) => [option.code, option.label])];
    if (!texts.every((text) => typeof text === 'string' && text.isWellFormed())) {
        throw new Error('the question, codes and labels are not all well-formed Unicode texts');
    }
    const recomputed = sha256hex('quorum/v1/ballot', record.meeting.id, idOf(ballot.id), kind, N, min, max,
        record.ceremony.publicKey, record.ceremony.context, ...texts.map(sha256Text));
    if (recomputed !== ballot.context) {
        throw new Error(`ballot.context is ${ballot.context}, the ballot's fields give ${recomputed}`);
    }
    Object.assign(state, { ballotContext: ballot.context, N, min, max,
        totals: Array.from({ length: max - min + 1 }, (_, k) => min + k) });
    return `${ballot.context} (${kind}, ${N} options, ${min}..${max} marks)`;
}
