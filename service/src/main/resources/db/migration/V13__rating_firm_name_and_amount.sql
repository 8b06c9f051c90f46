-- What the officer console lists beside each rating without opening its request: the firm's name and the loan amount it
-- asked for (null when it asked for none). Ratings stored before this migration have neither; the console shows their
-- firm id instead.
alter table rating add column sme_name varchar(200);
alter table rating add column requested_cny double precision;
