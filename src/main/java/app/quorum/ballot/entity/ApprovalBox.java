package app.quorum.ballot.entity;

import java.util.Collection;
import java.util.Objects;

/**
 * The counted papers of an approval ballot. Electronic papers are never blank or invalid: the casting service
 * accepts only one of the three {@link ApprovalChoice}s and refuses anything else before it is stored, and
 * "Không biểu quyết" is the way to cast no opinion. Members present who did not vote are not papers; the result
 * reports them ({@link Result#notVoted()}).
 *
 * @param yes papers for {@link ApprovalChoice#YES}
 * @param no papers for {@link ApprovalChoice#NO}
 * @param abstain papers for {@link ApprovalChoice#ABSTAIN}
 */
public record ApprovalBox(int yes, int no, int abstain) {

    public ApprovalBox {
        if (yes < 0 || no < 0 || abstain < 0) {
            throw new IllegalArgumentException("negative count in " + yes + "/" + no + "/" + abstain);
        }
    }

    /** The box holding these papers. */
    public static ApprovalBox of(Collection<ApprovalChoice> papers) {
        int yes = 0;
        int no = 0;
        int abstain = 0;
        for (ApprovalChoice choice : papers) {
            switch (Objects.requireNonNull(choice, "a paper without a choice")) {
                case YES -> yes++;
                case NO -> no++;
                case ABSTAIN -> abstain++;
            }
        }
        return new ApprovalBox(yes, no, abstain);
    }

    public int count(ApprovalChoice choice) {
        return switch (choice) {
            case YES -> yes;
            case NO -> no;
            case ABSTAIN -> abstain;
        };
    }

    /** All papers in the box: yes + no + abstain. */
    public int votesCast() {
        return Math.addExact(Math.addExact(yes, no), abstain);
    }
}
