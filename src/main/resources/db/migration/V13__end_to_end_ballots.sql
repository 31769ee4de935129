-- Quorum schema, version 13: the server-blind secret ballot (issue 14; src/site/election-record.md). A secret ballot
-- opened while its meeting's trustee ceremony is ready (V12) is bound to that ceremony: the tablets encrypt under the
-- trustees' joint key, the server stores only ciphertexts with their proofs, and the count is the decryption of the
-- sums by t of the n trustees on their own devices. Nothing here can open a paper: no key, no randomness, no choice.
-- Like cast_vote, the papers carry no participant, time, auto-increment or order; every paper of a ballot has the
-- same size (its JSON: fixed-length hex fields).

-- the binding made at the open: the ceremony and the ballot's public fields as they were then (frozen)
CREATE TABLE ballot_election (
    ballot_id   BIGINT       NOT NULL,
    ceremony    MEDIUMTEXT   NOT NULL COMMENT 'the ceremony record (§7 ceremony) the ballot was opened under',
    definition  TEXT         NOT NULL COMMENT 'question, kind, options (code, label), min, max as bound at the open',
    context     CHAR(64)     NOT NULL COMMENT 'the ballot context (§3)',
    aggregate   MEDIUMTEXT   NULL COMMENT 'the sums per option (§6), fixed at the close; null while open or for an empty box',
    closed      BOOLEAN      NOT NULL DEFAULT FALSE,
    turnout     INT          NULL COMMENT 'participations at the close: the number of papers the trustees must see',
    PRIMARY KEY (ballot_id),
    CONSTRAINT ballot_election_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- the accepted papers: ciphertexts and proofs only (§4)
CREATE TABLE ballot_paper (
    ballot_id BIGINT     NOT NULL,
    paper_id  CHAR(32)   NOT NULL,
    tracker   CHAR(64)   NOT NULL,
    paper     MEDIUMTEXT NOT NULL,
    PRIMARY KEY (ballot_id, paper_id),
    UNIQUE KEY ballot_paper_tracker (ballot_id, tracker),
    CONSTRAINT ballot_paper_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- every α of an accepted or audited paper, once per ballot: a copied or revealed paper cannot be cast (§4, replay)
CREATE TABLE ballot_paper_alpha (
    ballot_id BIGINT   NOT NULL,
    alpha     CHAR(66) NOT NULL,
    PRIMARY KEY (ballot_id, alpha),
    CONSTRAINT ballot_paper_alpha_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- papers a delegate asked the tablet to open (Benaloh's challenge): never counted, never linked to a voter
CREATE TABLE ballot_audited_paper (
    ballot_id BIGINT     NOT NULL,
    paper_id  CHAR(32)   NOT NULL,
    tracker   CHAR(64)   NOT NULL,
    paper     MEDIUMTEXT NOT NULL COMMENT 'the paper with its revelation',
    PRIMARY KEY (ballot_id, paper_id),
    CONSTRAINT ballot_audited_paper_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- papers refused, as sent, in the order they arrived (§7 rejected): not counted; no participant
CREATE TABLE ballot_rejected_paper (
    ballot_id BIGINT      NOT NULL,
    arrival   BIGINT      NOT NULL AUTO_INCREMENT,
    tracker   CHAR(64)    NULL,
    reason    VARCHAR(40) NOT NULL,
    paper     MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (arrival),
    KEY ballot_rejected_paper_ballot (ballot_id),
    CONSTRAINT ballot_rejected_paper_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- a trustee's partial decryption of the aggregate with its proofs (§6), accepted once it verified
CREATE TABLE ballot_decryption (
    ballot_id     BIGINT     NOT NULL,
    trustee_index INT        NOT NULL,
    decryption    MEDIUMTEXT NOT NULL,
    PRIMARY KEY (ballot_id, trustee_index),
    CONSTRAINT ballot_decryption_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- the public election record (§7), written once when the count is known; its fingerprint goes into the minutes
CREATE TABLE election_record (
    ballot_id   BIGINT   NOT NULL,
    fingerprint CHAR(64) NOT NULL,
    record      LONGTEXT NOT NULL,
    PRIMARY KEY (ballot_id),
    CONSTRAINT election_record_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TRIGGER election_record_no_update BEFORE UPDATE ON election_record FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an election record is final';

CREATE TRIGGER election_record_no_delete BEFORE DELETE ON election_record FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an election record is final';
