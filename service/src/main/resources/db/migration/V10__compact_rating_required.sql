-- Every rating has its compact form now (V9): the columns become required and the JSON text goes.
alter table rating alter column request_deflated set not null;
alter table rating alter column rating_deflated set not null;
alter table rating alter column green_score set not null;
alter table rating alter column green_grade set not null;
alter table rating alter column credit_grade set not null;
alter table rating alter column limit_cny set not null;
alter table rating alter column rate_discount_bp set not null;
alter table rating drop column request_json;
alter table rating drop column rating_json;
