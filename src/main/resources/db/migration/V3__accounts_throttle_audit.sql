-- Quorum schema, version 3: staff accounts and roles, sign-in throttling, the audit log, delegate sessions.

CREATE TABLE account (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    -- sign-in names are compared without regard to case: 'HUONG.NT' is 'huong.nt'
    username            VARCHAR(100) NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    -- Jakarta Security's Pbkdf2PasswordHash: algorithm:iterations:salt:hash, never the password
    password_hash       VARCHAR(500) NOT NULL,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    password_changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version             BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT account_username_unique UNIQUE (username),
    CONSTRAINT account_username_form CHECK (username REGEXP '^[a-z0-9][a-z0-9._-]{1,99}$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(20) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT account_role_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT account_role_known CHECK (role IN ('ADMIN', 'SECRETARY', 'CHAIR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- failed sign-ins per account and per source address: after 5 failures each further try waits longer
CREATE TABLE sign_in_throttle (
    subject        VARCHAR(200) NOT NULL COMMENT 'account:<name> or source:<address>',
    failures       INT          NOT NULL,
    last_failure   TIMESTAMP(3) NOT NULL,
    blocked_until  TIMESTAMP(3) NULL,
    PRIMARY KEY (subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

-- append-only: the triggers below refuse every change and deletion
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    actor       VARCHAR(200)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    object_type VARCHAR(40)   NULL,
    object_id   VARCHAR(60)   NULL,
    meeting_id  BIGINT        NULL,
    detail      VARCHAR(1000) NULL,
    source      VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    INDEX audit_by_time (at),
    INDEX audit_by_meeting (meeting_id, at),
    INDEX audit_by_action (action, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit log is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit log is append-only';

-- the one session a delegate may use: signing in on another device replaces it
ALTER TABLE participant
    ADD COLUMN session_token BINARY(32) NULL AFTER card_code_hash,
    ADD COLUMN signed_in_at TIMESTAMP(3) NULL AFTER session_token;

-- a meeting setting: signing in on a tablet checks the delegate in
ALTER TABLE meeting
    ADD COLUMN check_in_on_sign_in BOOLEAN NOT NULL DEFAULT TRUE AFTER quorum_fixed;
