package app.quorum.ballot.entity;

/**
 * The three answers of an approval ballot. The constant names are also the stable choice codes of the published
 * list of receipts and of the box fingerprint ({@link BoxFingerprint#code(ApprovalChoice)}); the labels shown to
 * people live in the message bundles and may be edited per ballot.
 */
public enum ApprovalChoice {
    /** Đồng ý. */
    YES,
    /** Không đồng ý. */
    NO,
    /** Không biểu quyết: the voter took part but neither approves nor rejects. */
    ABSTAIN
}
