package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One answer of a ballot: YES / NO / ABSTAIN for an approval (labels editable), a candidate for an election. */
@Entity
@Table(name = "ballot_option")
public class BallotOption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ballot_id")
    private Ballot ballot;

    @Column(name = "sort_order")
    private int sortOrder;

    private String code;
    private String label;

    protected BallotOption() {
        // for JPA
    }

    BallotOption(Ballot ballot, int sortOrder, String code, String label) {
        this.ballot = ballot;
        this.sortOrder = sortOrder;
        this.code = code;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public String getCode() {
        return code;
    }

    void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
