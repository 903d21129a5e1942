-- What became of each invitation's e-mail: SENT, FAILED (Keycloak could not send it),
-- NOT_CONFIGURED (no flotilla.mail.host) or NOT_NEEDED (the user had nothing left to do).
-- Invitations made before e-mails existed were never mailed.
ALTER TABLE invitation ADD COLUMN mail_status varchar(16) NOT NULL DEFAULT 'NOT_CONFIGURED';
ALTER TABLE invitation ADD COLUMN mail_detail varchar(500);
ALTER TABLE invitation ADD COLUMN mailed_at   timestamptz;
