-- Password lockout, stored with the account so that every server sees the same count and a restart forgets nothing:
-- consecutive wrong passwords, when the last one was, and until when the account refuses every password.
ALTER TABLE local_account ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE local_account ADD COLUMN last_failed_sign_in_at TIMESTAMP;
ALTER TABLE local_account ADD COLUMN locked_until TIMESTAMP;
