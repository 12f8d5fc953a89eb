-- An account's e-mail address, for notifications by e-mail when SMTP is configured (optional).
alter table identity_account add column email varchar(254);
