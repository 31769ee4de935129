-- Quorum schema, version 9: a ballot paper is known by its ballot and its id; every sealed paper has one size.
--
-- The key was the paper id alone: a delegate who had not voted, sending an id another ballot had used, was refused
-- as having voted. Now (ballot_id, id): an id is unique in its ballot's box (the rows stay unordered, clustered by
-- ballot and random id).
--
-- A sealed paper is the 12-byte nonce, the choice padded to 1152 bytes (ISO/IEC 7816-4), the 16-byte tag: 1180
-- bytes, whatever the choice (BallotKeys). Papers sealed before this version are shorter and still open at the close.
-- The longest choice code (an election paper naming 59 candidates whose ids have 18 digits, comma-separated) has
-- 1120 characters: the columns that hold a code were 1000 wide.

ALTER TABLE cast_vote
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (ballot_id, id),
    MODIFY sealed VARBINARY(1180) NULL COMMENT 'AES-GCM while the ballot is open: 12-byte nonce, the choice padded to 1152 bytes (ISO/IEC 7816-4), 16-byte tag',
    MODIFY choice VARCHAR(1120) NULL COMMENT 'the choice code, once the ballot is closed';

ALTER TABLE roll_call
    MODIFY choice VARCHAR(1120) NOT NULL;
