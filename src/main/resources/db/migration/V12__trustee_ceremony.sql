-- Quorum schema, version 12: the trustees' key ceremony of a meeting (election-record.md §2). One ceremony per
-- meeting: its id (128 random bits, drawn by the server), n trustees chosen from the roster, threshold t, and what each
-- trustee's device published — round 1 (device key, commitments, proofs), the round-2 share boxes (each encrypted for
-- its receiver: the server cannot read them), the verification key with its proof, or a complaint. Nothing secret is
-- stored here: the trustees' secrets never leave their devices. A restart draws a new id and drops what was published.

CREATE TABLE ceremony (
    meeting_id  BIGINT       NOT NULL,
    ceremony_id CHAR(32)     NOT NULL COMMENT '128 random bits, lowercase hex, drawn by the server',
    n           INT          NOT NULL COMMENT 'trustees, 1..9',
    threshold   INT          NOT NULL COMMENT 't, 1..n: how many trustees decrypt',
    status      VARCHAR(16)  NOT NULL COMMENT 'COLLECTING, READY or FAILED',
    public_key  CHAR(66)     NULL COMMENT 'the joint key PK = sum of C_i0 (compressed point, hex) once READY',
    created_at  TIMESTAMP(3) NOT NULL,
    ready_at    TIMESTAMP(3) NULL,
    PRIMARY KEY (meeting_id),
    UNIQUE KEY ceremony_id_unique (ceremony_id),
    CONSTRAINT ceremony_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    CONSTRAINT ceremony_size CHECK (threshold >= 1 AND threshold <= n AND n <= 9),
    CONSTRAINT ceremony_status CHECK (status IN ('COLLECTING', 'READY', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- a trustee: a participant of the meeting, index 1..n; role and name as the election record shows them
CREATE TABLE ceremony_trustee (
    meeting_id       BIGINT       NOT NULL,
    trustee_index    INT          NOT NULL,
    participant_id   BIGINT       NOT NULL,
    role             VARCHAR(32)  NOT NULL COMMENT 'CHAIR, SECRETARY or COUNTING_COMMITTEE',
    name             VARCHAR(200) NOT NULL,
    round_one        TEXT         NULL COMMENT 'the published round-1 JSON: deviceKey, deviceKeyProof, commitments, commitmentProof',
    verification_key TEXT         NULL COMMENT '{"key": X_j, "proof": {a, c, s}}',
    complaint        TEXT         NULL COMMENT '{"against": i}: the trustee whose share failed Feldman''s check',
    PRIMARY KEY (meeting_id, trustee_index),
    UNIQUE KEY ceremony_trustee_once (meeting_id, participant_id),
    CONSTRAINT ceremony_trustee_ceremony FOREIGN KEY (meeting_id) REFERENCES ceremony (meeting_id) ON DELETE CASCADE,
    -- a trustee struck off the roster takes their row along; the ceremony then lacks a trustee and reads as FAILED
    CONSTRAINT ceremony_trustee_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE,
    CONSTRAINT ceremony_trustee_index CHECK (trustee_index BETWEEN 1 AND 9)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- a round-2 share s_ij, encrypted for trustee j (the EncryptedShare JSON, election-record.md §2.1)
CREATE TABLE ceremony_share (
    meeting_id BIGINT NOT NULL,
    from_index INT    NOT NULL,
    to_index   INT    NOT NULL,
    box        TEXT   NOT NULL,
    PRIMARY KEY (meeting_id, from_index, to_index),
    CONSTRAINT ceremony_share_sender FOREIGN KEY (meeting_id, from_index) REFERENCES ceremony_trustee (meeting_id, trustee_index) ON DELETE CASCADE,
    CONSTRAINT ceremony_share_receiver FOREIGN KEY (meeting_id, to_index) REFERENCES ceremony_trustee (meeting_id, trustee_index) ON DELETE CASCADE,
    CONSTRAINT ceremony_share_other CHECK (from_index <> to_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
