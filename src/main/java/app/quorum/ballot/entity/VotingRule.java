package app.quorum.ballot.entity;

import java.util.Objects;

/**
 * The majority a ballot needs: a {@link MajorityRule} measured against a {@link MajorityBase}. The constructor
 * refuses an inconsistent rule with an {@link IllegalArgumentException}:
 * <ul>
 * <li>{@code percentage} is required (1 to 100) for {@link MajorityRule#PERCENTAGE} and must be {@code null}
 * otherwise;</li>
 * <li>{@code abstentionsInBase} chooses between yes + no and yes + no + abstain only for
 * {@link MajorityBase#VOTES_CAST}; the bases {@link MajorityBase#PRESENT} and {@link MajorityBase#ALL_MEMBERS}
 * count abstainers by definition, so for them it must be {@code true}.</li>
 * </ul>
 * In an election, blank papers play the part of abstentions.
 *
 * @param rule how many votes are needed
 * @param base what they are measured against
 * @param abstentionsInBase whether abstentions (blank papers in an election) count in the base
 * @param percentage p for {@link MajorityRule#PERCENTAGE}, else {@code null}
 */
public record VotingRule(MajorityRule rule, MajorityBase base, boolean abstentionsInBase, Integer percentage) {

    public VotingRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(base, "base");
        if (rule == MajorityRule.PERCENTAGE) {
            if (percentage == null || percentage < 1 || percentage > 100) {
                throw new IllegalArgumentException("a percentage rule needs a percentage from 1 to 100, got "
                        + percentage);
            }
        } else if (percentage != null) {
            throw new IllegalArgumentException("only a percentage rule takes a percentage; " + rule + " got "
                    + percentage);
        }
        if (base != MajorityBase.VOTES_CAST && !abstentionsInBase) {
            throw new IllegalArgumentException("the base " + base + " counts abstainers by definition");
        }
    }

    /**
     * A rule without a percentage; abstentions are left out of a {@link MajorityBase#VOTES_CAST} base and (by
     * definition) counted in the other bases.
     */
    public static VotingRule of(MajorityRule rule, MajorityBase base) {
        return new VotingRule(rule, base, base != MajorityBase.VOTES_CAST, null);
    }

    /** At least {@code percentage} % of the base; abstentions as in {@link #of(MajorityRule, MajorityBase)}. */
    public static VotingRule percentage(int percentage, MajorityBase base) {
        return new VotingRule(MajorityRule.PERCENTAGE, base, base != MajorityBase.VOTES_CAST, percentage);
    }
}
