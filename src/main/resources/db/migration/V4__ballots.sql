-- Quorum schema, version 4: ballots, who has voted (participation) and the anonymous ballot papers (cast votes).
--
-- Secrecy by design (DESIGN.md §5): participation holds who voted, never what; cast_vote holds what was chosen,
-- never who, never when, in no order: its key is a 128-bit random id, there is no time, no auto-increment, no
-- weight, no participant. While a secret ballot is open the choice is sealed (AES-GCM with a per-ballot key
-- derived from a secret kept outside the database); it is unsealed into `choice` at the close.

CREATE TABLE ballot (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    meeting_id          BIGINT        NOT NULL,
    agenda_item_id      BIGINT        NULL,
    question            VARCHAR(1000) NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    secrecy             VARCHAR(10)   NOT NULL DEFAULT 'SECRET',
    majority_rule       VARCHAR(20)   NOT NULL,
    majority_base       VARCHAR(20)   NOT NULL,
    abstentions_in_base BOOLEAN       NOT NULL DEFAULT FALSE,
    percentage          INT           NULL,
    quorum_required     BOOLEAN       NOT NULL DEFAULT TRUE,
    seats               INT           NOT NULL DEFAULT 1,
    min_choices         INT           NOT NULL DEFAULT 1,
    blank_allowed       BOOLEAN       NOT NULL DEFAULT FALSE,
    status              VARCHAR(20)   NOT NULL DEFAULT 'DRAFT',
    closes_at           TIMESTAMP(3)  NULL,
    opened_at           TIMESTAMP(3)  NULL,
    closed_at           TIMESTAMP(3)  NULL,
    cancel_reason       VARCHAR(500)  NULL,
    voting_members      INT           NULL COMMENT 'voting members on the roster when the ballot opened',
    present             INT           NULL COMMENT 'voting members present when the ballot opened',
    key_salt            BINARY(16)    NULL,
    fingerprint         CHAR(64)      NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ballot_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    CONSTRAINT ballot_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_item (id) ON DELETE SET NULL,
    CONSTRAINT ballot_kind_known CHECK (kind IN ('APPROVAL', 'ELECTION')),
    CONSTRAINT ballot_secrecy_known CHECK (secrecy IN ('SECRET', 'OPEN')),
    CONSTRAINT ballot_rule_known CHECK (majority_rule IN ('SIMPLE', 'ABSOLUTE', 'TWO_THIRDS', 'PERCENTAGE')),
    CONSTRAINT ballot_base_known CHECK (majority_base IN ('VOTES_CAST', 'PRESENT', 'ALL_MEMBERS')),
    CONSTRAINT ballot_status_known CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED', 'CANCELLED')),
    CONSTRAINT ballot_percentage_range CHECK (percentage IS NULL OR percentage BETWEEN 1 AND 100),
    INDEX ballot_by_meeting (meeting_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- the choices of a ballot: for an approval, its three answers (labels editable); for an election, the candidates
CREATE TABLE ballot_option (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    ballot_id  BIGINT       NOT NULL,
    sort_order INT          NOT NULL,
    code       VARCHAR(40)  NOT NULL,
    label      VARCHAR(300) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ballot_option_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE,
    CONSTRAINT ballot_option_code_unique UNIQUE (ballot_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- who has voted: one row per (ballot, participant), enforced by the key; never the choice
CREATE TABLE participation (
    ballot_id      BIGINT NOT NULL,
    participant_id BIGINT NOT NULL,
    PRIMARY KEY (ballot_id, participant_id),
    CONSTRAINT participation_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE,
    CONSTRAINT participation_participant FOREIGN KEY (participant_id) REFERENCES participant (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- the anonymous ballot papers
CREATE TABLE cast_vote (
    id        BINARY(16)     NOT NULL COMMENT '128 random bits (SecureRandom); the receipt derives from it',
    ballot_id BIGINT         NOT NULL,
    sealed    VARBINARY(1024) NULL COMMENT 'AES-GCM: 12-byte nonce, then the sealed choice; while the ballot is open',
    choice    VARCHAR(1000)  NULL COMMENT 'the choice, once the ballot is closed',
    PRIMARY KEY (id),
    CONSTRAINT cast_vote_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE,
    CONSTRAINT cast_vote_has_choice CHECK (sealed IS NOT NULL OR choice IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- open (roll-call) ballots only: who chose what is part of their result, by design
CREATE TABLE roll_call (
    ballot_id      BIGINT        NOT NULL,
    participant_id BIGINT        NOT NULL,
    choice         VARCHAR(1000) NOT NULL,
    PRIMARY KEY (ballot_id, participant_id),
    CONSTRAINT roll_call_participation FOREIGN KEY (ballot_id, participant_id) REFERENCES participation (ballot_id, participant_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
