-- Quorum schema, version 11: the close writes the ballot's result once, in the closing transaction, and every reader
-- (pages, projector, open data, minutes, exports) reads it instead of counting the box again. A recount is an
-- explicit verification that counts the box and compares (BallotCount.recount). Ballots closed before this version
-- have no row: they are counted on each read, as before (see BallotCount.result).

CREATE TABLE ballot_result (
    ballot_id             BIGINT        NOT NULL,
    kind                  VARCHAR(16)   NOT NULL COMMENT 'APPROVAL or ELECTION',
    votes_cast            INT           NOT NULL COMMENT 'papers in the box',
    marked                INT           NOT NULL COMMENT 'election papers with at least one candidate (approval: papers)',
    blank                 INT           NOT NULL COMMENT 'blank election papers (approval: 0)',
    base_count            INT           NOT NULL COMMENT 'the number the majority rule was measured against',
    threshold_numerator   BIGINT        NOT NULL COMMENT 'the exact threshold, numerator',
    threshold_denominator BIGINT        NOT NULL COMMENT 'the exact threshold, denominator',
    threshold_strict      BOOLEAN       NOT NULL COMMENT 'votes must exceed the threshold rather than reach it',
    threshold_votes       INT           NOT NULL COMMENT 'the fewest votes that met the rule',
    outcome               VARCHAR(16)   NOT NULL,
    elected               VARCHAR(2000) NOT NULL DEFAULT '' COMMENT 'option ids of the candidates elected, most votes first, comma-separated',
    tie_votes             INT           NULL,
    tie_seats             INT           NULL,
    tie_candidates        VARCHAR(2000) NULL COMMENT 'option ids tied at the cut-off, comma-separated',
    voted                 INT           NOT NULL COMMENT 'turnout: voting members who voted (participations)',
    present               INT           NOT NULL COMMENT 'voting members present at the close',
    voting_members        INT           NOT NULL COMMENT 'voting members on the roster at the close',
    fingerprint           CHAR(64)      NOT NULL COMMENT 'SHA-256 of the box in its canonical form',
    counted_at            TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (ballot_id),
    CONSTRAINT ballot_result_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- the count per choice: YES / NO / ABSTAIN, or a candidate's option id
CREATE TABLE ballot_result_count (
    ballot_id BIGINT      NOT NULL,
    choice    VARCHAR(40) NOT NULL,
    votes     INT         NOT NULL,
    PRIMARY KEY (ballot_id, choice),
    CONSTRAINT ballot_result_count_result FOREIGN KEY (ballot_id) REFERENCES ballot_result (ballot_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- a counted result is final: a wrong one is corrected by a published statement, never by an edit
CREATE TRIGGER ballot_result_no_update BEFORE UPDATE ON ballot_result FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a counted result is final';

CREATE TRIGGER ballot_result_no_delete BEFORE DELETE ON ballot_result FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a counted result is final';

CREATE TRIGGER ballot_result_count_no_update BEFORE UPDATE ON ballot_result_count FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a counted result is final';

CREATE TRIGGER ballot_result_count_no_delete BEFORE DELETE ON ballot_result_count FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a counted result is final';
