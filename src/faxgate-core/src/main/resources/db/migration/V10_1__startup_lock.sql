-- Rows that cluster members lock (SELECT ... FOR UPDATE) to run one-time start-up work one after the other, e.g. the
-- operator bootstrap when several nodes start together on an empty database.
CREATE TABLE startup_lock (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY
);

INSERT INTO startup_lock (name) VALUES ('operator-bootstrap');
