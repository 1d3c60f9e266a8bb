-- The question store: one row per question answered. Same file for SQLite and PostgreSQL; ${id_column} is the
-- one thing that differs (an auto-numbered primary key). Times are epoch milliseconds (UTC).
CREATE TABLE questions (
    ${id_column},
    asked_at       BIGINT           NOT NULL,
    platform       VARCHAR(16)      NOT NULL,
    report         VARCHAR(64)      NOT NULL,
    lang           VARCHAR(8)       NOT NULL,
    intent         VARCHAR(64)      NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    fallback       BOOLEAN          NOT NULL,
    latency_micros BIGINT           NOT NULL,
    asker          VARCHAR(32)      NOT NULL,
    -- only for fallbacks and low-confidence answers; never a user or chat id
    text           TEXT,
    -- the three best intents with their scores, as JSON, when text is kept
    ranking        TEXT,
    -- for kept texts: open, added, out_of_scope or dismissed
    status         VARCHAR(16),
    handled_at     BIGINT
);

CREATE INDEX questions_asked_at ON questions (asked_at);
CREATE INDEX questions_status ON questions (status);

-- Small settings of the store itself, such as the salt of the asker hash (shared by every replica).
CREATE TABLE store_meta (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT        NOT NULL
);
