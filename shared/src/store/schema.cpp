// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/schema.hpp"

#include <array>

namespace samkoll::core {

namespace {

// Dates are ISO 8601 TEXT ('2021-03-15'): they sort and compare correctly as text.
// Vocabulary values are stored as their stable English codes (domain.md).
// Synced rows carry a globally unique `uid` beside the local integer key.
constexpr std::string_view kMigration1 = R"SQL(
CREATE TABLE federation (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE member (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('state', 'region', 'kommun')),
    UNIQUE (federation_id, code)
);

CREATE TABLE team (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    kommun_id     INTEGER REFERENCES member(id),
    UNIQUE (federation_id, code)
);

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    federation_id    INTEGER NOT NULL REFERENCES federation(id),
    team_id          INTEGER NOT NULL REFERENCES team(id),
    code             TEXT NOT NULL,
    gender           TEXT NOT NULL CHECK (gender IN ('woman', 'man', 'other')),
    birth_year       INTEGER,
    referral_date    TEXT NOT NULL,
    referring_party  TEXT,
    decision         TEXT CHECK (decision IN ('yes', 'no')),
    decision_date    TEXT,
    start_date       TEXT,
    exit_date        TEXT,
    exit_outcome     TEXT,
    income_support   TEXT NOT NULL DEFAULT '',
    education        TEXT,
    support_duration TEXT,
    deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    UNIQUE (team_id, code)
);
CREATE INDEX cases_by_start ON cases (federation_id, start_date);
-- Covering index for the index engine: one ordered pass per förbund, grouped
-- by team, gender and outcome, without touching the table.
CREATE INDEX cases_for_index ON cases
    (federation_id, team_id, gender, exit_outcome, start_date, exit_date, deleted);
CREATE INDEX cases_by_referral ON cases (federation_id, referral_date);

CREATE TABLE scale (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    UNIQUE (federation_id, code)
);

CREATE TABLE scale_option (
    scale_id INTEGER NOT NULL REFERENCES scale(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    label    TEXT NOT NULL,
    PRIMARY KEY (scale_id, position)
) WITHOUT ROWID;

CREATE TABLE question (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    code          TEXT NOT NULL,
    text          TEXT NOT NULL,
    scale_id      INTEGER NOT NULL REFERENCES scale(id),
    UNIQUE (federation_id, code)
);

CREATE TABLE questionnaire (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    code          TEXT NOT NULL,
    title         TEXT NOT NULL,
    UNIQUE (federation_id, code)
);

CREATE TABLE questionnaire_question (
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    question_id      INTEGER NOT NULL REFERENCES question(id),
    PRIMARY KEY (questionnaire_id, position)
) WITHOUT ROWID;

CREATE TABLE survey_round (
    id               INTEGER PRIMARY KEY,
    federation_id    INTEGER NOT NULL REFERENCES federation(id),
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id),
    respondent_group TEXT NOT NULL,
    team_id          INTEGER REFERENCES team(id),
    period_start     TEXT NOT NULL,
    period_end       TEXT NOT NULL,
    invited          INTEGER NOT NULL DEFAULT 0 CHECK (invited >= 0),
    CHECK (period_start <= period_end)
);
CREATE UNIQUE INDEX survey_round_key ON survey_round
    (federation_id, questionnaire_id, respondent_group, ifnull(team_id, 0), period_start, period_end);

-- Immutable delta rows: a correction is a new row with a negative delta.
CREATE TABLE tally_delta (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    round_id    INTEGER NOT NULL REFERENCES survey_round(id),
    question_id INTEGER NOT NULL REFERENCES question(id),
    option_no   INTEGER NOT NULL CHECK (option_no >= 1),
    gender      TEXT NOT NULL CHECK (gender IN ('woman', 'man', 'other', 'declined')),
    delta       INTEGER NOT NULL CHECK (delta <> 0),
    entered_by  TEXT NOT NULL DEFAULT '',
    entered_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TRIGGER tally_delta_no_update BEFORE UPDATE ON tally_delta
BEGIN
    SELECT RAISE(ABORT, 'tally rows are immutable: correct with a new row with a negative delta');
END;
CREATE TRIGGER tally_delta_no_delete BEFORE DELETE ON tally_delta
BEGIN
    SELECT RAISE(ABORT, 'tally rows are immutable: correct with a new row with a negative delta');
END;

-- The running sum of the delta rows per round, question, option and gender,
-- kept by a trigger in the same transaction as every insert. The index engine
-- reads these few aggregate rows instead of re-summing millions of deltas.
CREATE TABLE tally_total (
    round_id    INTEGER NOT NULL REFERENCES survey_round(id),
    question_id INTEGER NOT NULL,
    option_no   INTEGER NOT NULL,
    gender      TEXT NOT NULL,
    total       INTEGER NOT NULL,
    PRIMARY KEY (round_id, question_id, option_no, gender)
) WITHOUT ROWID;
CREATE TRIGGER tally_delta_total AFTER INSERT ON tally_delta
BEGIN
    INSERT INTO tally_total (round_id, question_id, option_no, gender, total)
    VALUES (NEW.round_id, NEW.question_id, NEW.option_no, NEW.gender, NEW.delta)
    ON CONFLICT (round_id, question_id, option_no, gender) DO UPDATE SET total = total + excluded.total;
END;

CREATE TABLE story (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    team_id       INTEGER REFERENCES team(id),
    category      TEXT NOT NULL,
    story_date    TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL
);
CREATE INDEX story_by_date ON story (federation_id, story_date);

CREATE TABLE composition (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    team_id       INTEGER REFERENCES team(id),
    body          TEXT NOT NULL CHECK (body IN ('staff', 'steering_group', 'board')),
    year          INTEGER NOT NULL,
    women         INTEGER NOT NULL CHECK (women >= 0),
    men           INTEGER NOT NULL CHECK (men >= 0)
);
CREATE UNIQUE INDEX composition_key ON composition (federation_id, ifnull(team_id, 0), body, year);

CREATE TABLE hae_statistic (
    kommun_id    INTEGER NOT NULL REFERENCES member(id),
    year         INTEGER NOT NULL,
    total        REAL NOT NULL CHECK (total >= 0),
    illness      REAL NOT NULL DEFAULT 0,
    unemployment REAL NOT NULL DEFAULT 0,
    assistance   REAL NOT NULL DEFAULT 0,
    population   INTEGER NOT NULL CHECK (population > 0),
    PRIMARY KEY (kommun_id, year)
);

CREATE TABLE social_budget (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    year          INTEGER NOT NULL,
    name          TEXT NOT NULL,
    settings      TEXT NOT NULL DEFAULT '{}',
    UNIQUE (federation_id, year)
);

CREATE TABLE goal_area (
    id          INTEGER PRIMARY KEY,
    budget_id   INTEGER NOT NULL REFERENCES social_budget(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    name        TEXT NOT NULL,
    ideal_share INTEGER NOT NULL CHECK (ideal_share BETWEEN 0 AND 100),
    UNIQUE (budget_id, number)
);

CREATE TABLE goal (
    id       INTEGER PRIMARY KEY,
    area_id  INTEGER NOT NULL REFERENCES goal_area(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code     TEXT NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX goal_by_area ON goal (area_id, position);

-- `definition` holds the kind-specific parameters as JSON (docs/formats.md).
CREATE TABLE indicator (
    id         INTEGER PRIMARY KEY,
    goal_id    INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    code       TEXT NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    weight     INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 10),
    scope      TEXT NOT NULL CHECK (scope IN ('federation', 'team', 'both')),
    definition TEXT NOT NULL
);
CREATE INDEX indicator_by_goal ON indicator (goal_id, position);

CREATE TABLE manual_assessment (
    id             INTEGER PRIMARY KEY,
    federation_id  INTEGER NOT NULL REFERENCES federation(id),
    indicator_code TEXT NOT NULL,
    team_id        INTEGER REFERENCES team(id),
    year           INTEGER NOT NULL,
    achieved       INTEGER NOT NULL CHECK (achieved IN (0, 1)),
    motivation     TEXT NOT NULL,
    assessed_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX manual_assessment_key ON manual_assessment
    (federation_id, indicator_code, ifnull(team_id, 0), year);

-- A fastställt year: the figures as approved are kept; later writes are refused.
CREATE TABLE period_lock (
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    year          INTEGER NOT NULL,
    locked_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    locked_by     TEXT NOT NULL,
    snapshot      TEXT NOT NULL,
    PRIMARY KEY (federation_id, year)
);
)SQL";

// Sync (docs/protocol.md): per-field clocks on cases, the operations applied
// per device, a monotonic change log filled by triggers from every write path,
// and the conflicts a merge recorded.
constexpr std::string_view kMigration2 = R"SQL(
ALTER TABLE cases ADD COLUMN clocks TEXT NOT NULL DEFAULT '{}';

CREATE TABLE applied_operation (
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;

CREATE TABLE sync_conflict (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    team_id       INTEGER REFERENCES team(id),
    case_uid      TEXT NOT NULL,
    field         TEXT NOT NULL,
    kept_value    TEXT,
    other_value   TEXT,
    kept_hlc      TEXT NOT NULL,
    other_hlc     TEXT NOT NULL,
    other_device  TEXT NOT NULL,
    resolved      INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- The server's change cursor: AUTOINCREMENT never reuses a value, so a saved
-- cursor always means "everything up to here".
CREATE TABLE change_log (
    cursor        INTEGER PRIMARY KEY AUTOINCREMENT,
    federation_id INTEGER NOT NULL,
    team_id       INTEGER,
    entity        TEXT NOT NULL,
    uid           TEXT NOT NULL
);
CREATE INDEX change_log_by_federation ON change_log (federation_id, cursor);

INSERT INTO change_log (federation_id, team_id, entity, uid)
    SELECT federation_id, team_id, 'case', uid FROM cases ORDER BY id;
INSERT INTO change_log (federation_id, team_id, entity, uid)
    SELECT r.federation_id, r.team_id, 'tally', t.uid FROM tally_delta t JOIN survey_round r ON r.id = t.round_id ORDER BY t.id;
INSERT INTO change_log (federation_id, team_id, entity, uid)
    SELECT federation_id, team_id, 'story', uid FROM story ORDER BY id;

CREATE TRIGGER cases_logged_insert AFTER INSERT ON cases BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'case', NEW.uid);
END;
CREATE TRIGGER cases_logged_update AFTER UPDATE ON cases BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'case', NEW.uid);
END;
CREATE TRIGGER tally_logged AFTER INSERT ON tally_delta BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid)
        SELECT federation_id, team_id, 'tally', NEW.uid FROM survey_round WHERE id = NEW.round_id;
END;
CREATE TRIGGER story_logged_insert AFTER INSERT ON story BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'story', NEW.uid);
END;
CREATE TRIGGER story_logged_update AFTER UPDATE ON story BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'story', NEW.uid);
END;
CREATE TRIGGER conflict_logged_insert AFTER INSERT ON sync_conflict BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'conflict', NEW.uid);
END;
CREATE TRIGGER conflict_logged_update AFTER UPDATE ON sync_conflict BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'conflict', NEW.uid);
END;
)SQL";

// Accounts (server): users with a role, one-time enrolment codes and devices.
// Only hashes of codes and tokens are stored.
constexpr std::string_view kMigration3 = R"SQL(
CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    login         TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('coordinator', 'central_office', 'board')),
    team_id       INTEGER REFERENCES team(id),
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (federation_id, login),
    CHECK ((role = 'coordinator') = (team_id IS NOT NULL))
);

CREATE TABLE enrolment_code (
    code_hash  TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE device (
    id           TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES app_user(id),
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    last_seen_at TEXT,
    revoked_at   TEXT
);
)SQL";

// Device side (client): the outbox of local operations not yet acknowledged by
// the server, and small sync state (device id, token, server, cursor, clock).
constexpr std::string_view kMigration4 = R"SQL(
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    uid             TEXT NOT NULL,
    operation       TEXT NOT NULL,
    refused_code    TEXT,
    refused_message TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX outbox_by_uid ON outbox (uid);

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)SQL";

// The client's case list (newest referral first, per team) and undo of a delete:
// an outbox operation that has been offered to the server can no longer be
// taken back, because the server may have applied it.
constexpr std::string_view kMigration5 = R"SQL(
CREATE INDEX cases_by_team_referral ON cases (team_id, referral_date DESC, code);
ALTER TABLE outbox ADD COLUMN sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1));
)SQL";

// Protocol v2: tally entries remember the batch they were saved in (the Enkäter
// view lists and corrects whole batches); survey rounds (the number invited)
// and compositions reach the devices through the change log.
constexpr std::string_view kMigration6 = R"SQL(
ALTER TABLE tally_delta ADD COLUMN batch TEXT NOT NULL DEFAULT '';
CREATE INDEX tally_by_batch ON tally_delta (round_id, batch);

INSERT INTO change_log (federation_id, team_id, entity, uid)
    SELECT federation_id, team_id, 'round', CAST(id AS TEXT) FROM survey_round ORDER BY id;
INSERT INTO change_log (federation_id, team_id, entity, uid)
    SELECT federation_id, team_id, 'composition', CAST(id AS TEXT) FROM composition ORDER BY id;

CREATE TRIGGER round_logged_insert AFTER INSERT ON survey_round BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid)
        VALUES (NEW.federation_id, NEW.team_id, 'round', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER round_logged_update AFTER UPDATE OF invited ON survey_round BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid)
        VALUES (NEW.federation_id, NEW.team_id, 'round', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER composition_logged_insert AFTER INSERT ON composition BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid)
        VALUES (NEW.federation_id, NEW.team_id, 'composition', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER composition_logged_update AFTER UPDATE ON composition BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid)
        VALUES (NEW.federation_id, NEW.team_id, 'composition', CAST(NEW.id AS TEXT));
END;
)SQL";

// Which device caused a change: its own download skips the changes it made
// (it already holds that state), which halves the cost of a large upload.
constexpr std::string_view kMigration7 = R"SQL(
ALTER TABLE change_log ADD COLUMN device_id TEXT;
)SQL";

// Financial follow-up (domain.md §6): budget units and lines, the year's
// budget per line (versions: 1 is the original, the highest is in force;
// month 0 is the whole year, 1–12 a monthly budget), utfall per month and
// source (entered, csv, sie — a re-import replaces its own source), the
// entered prognos, opening equity and dated settings. Amounts in öre.
constexpr std::string_view kMigration8 = R"SQL(
CREATE TABLE budget_unit (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    net_budgeted  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (federation_id, code)
);
CREATE TABLE budget_line (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    unit_id       INTEGER NOT NULL REFERENCES budget_unit(id),
    code          TEXT NOT NULL,
    name          TEXT NOT NULL,
    line_group    TEXT NOT NULL CHECK (line_group IN ('income', 'administration', 'operations', 'interventions', 'financial')),
    team_id       INTEGER REFERENCES team(id),
    member_id     INTEGER REFERENCES member(id),
    position      INTEGER NOT NULL,
    UNIQUE (federation_id, code)
);
CREATE TABLE line_budget (
    line_id  INTEGER NOT NULL REFERENCES budget_line(id),
    year     INTEGER NOT NULL,
    version  INTEGER NOT NULL CHECK (version >= 1),
    month    INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
    amount   INTEGER NOT NULL,
    PRIMARY KEY (line_id, year, version, month)
);
CREATE TABLE line_outcome (
    line_id  INTEGER NOT NULL REFERENCES budget_line(id),
    year     INTEGER NOT NULL,
    month    INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    source   TEXT NOT NULL CHECK (source IN ('entered', 'csv', 'sie')),
    amount   INTEGER NOT NULL,
    PRIMARY KEY (line_id, year, month, source)
);
CREATE TABLE line_forecast (
    line_id  INTEGER NOT NULL REFERENCES budget_line(id),
    year     INTEGER NOT NULL,
    amount   INTEGER NOT NULL,
    PRIMARY KEY (line_id, year)
);
CREATE TABLE opening_equity (
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    year          INTEGER NOT NULL,
    amount        INTEGER NOT NULL,
    PRIMARY KEY (federation_id, year)
);
CREATE TABLE finance_setting (
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    key           TEXT NOT NULL,
    valid_from    TEXT NOT NULL,
    value         TEXT NOT NULL,
    PRIMARY KEY (federation_id, key, valid_from)
);
)SQL";

// Which accounts and cost objects of the accounting system feed which budget
// line (domain.md §6, SIE import), in the order the kansli wrote them; and a
// log of every finance import with what it replaced. The year's figures are
// clustered on (förbund, year, line), so a förbund's year is one range of the
// table rather than a lookup per line (bench/finance_bench); utfall is one
// row per line and month with a column per source — the month's utfall is
// coalesce(entered, sie, csv).
constexpr std::string_view kMigration9 = R"SQL(
CREATE TABLE line_budget_v9 (
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    year          INTEGER NOT NULL,
    line_id       INTEGER NOT NULL REFERENCES budget_line(id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    month         INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
    amount        INTEGER NOT NULL,
    PRIMARY KEY (federation_id, year, line_id, version, month)
) WITHOUT ROWID;
INSERT INTO line_budget_v9 (federation_id, year, line_id, version, month, amount)
    SELECT l.federation_id, b.year, b.line_id, b.version, b.month, b.amount
    FROM line_budget b JOIN budget_line l ON l.id = b.line_id;
DROP TABLE line_budget;
ALTER TABLE line_budget_v9 RENAME TO line_budget;

CREATE TABLE line_outcome_v9 (
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    year          INTEGER NOT NULL,
    line_id       INTEGER NOT NULL REFERENCES budget_line(id),
    month         INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    entered       INTEGER,
    sie           INTEGER,
    csv           INTEGER,
    PRIMARY KEY (federation_id, year, line_id, month)
) WITHOUT ROWID;
INSERT INTO line_outcome_v9 (federation_id, year, line_id, month, entered, sie, csv)
    SELECT l.federation_id, o.year, o.line_id, o.month, max(CASE o.source WHEN 'entered' THEN o.amount END),
           max(CASE o.source WHEN 'sie' THEN o.amount END), max(CASE o.source WHEN 'csv' THEN o.amount END)
    FROM line_outcome o JOIN budget_line l ON l.id = o.line_id GROUP BY o.line_id, o.year, o.month;
DROP TABLE line_outcome;
ALTER TABLE line_outcome_v9 RENAME TO line_outcome;

CREATE TABLE line_forecast_v9 (
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    year          INTEGER NOT NULL,
    line_id       INTEGER NOT NULL REFERENCES budget_line(id),
    amount        INTEGER NOT NULL,
    PRIMARY KEY (federation_id, year, line_id)
) WITHOUT ROWID;
INSERT INTO line_forecast_v9 (federation_id, year, line_id, amount)
    SELECT l.federation_id, f.year, f.line_id, f.amount FROM line_forecast f JOIN budget_line l ON l.id = f.line_id;
DROP TABLE line_forecast;
ALTER TABLE line_forecast_v9 RENAME TO line_forecast;

CREATE INDEX budget_line_order ON budget_line(federation_id, position);

CREATE TABLE account_mapping (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    position      INTEGER NOT NULL,
    account_from  TEXT NOT NULL DEFAULT '',
    account_to    TEXT NOT NULL DEFAULT '',
    dimension     TEXT NOT NULL DEFAULT '',
    object        TEXT NOT NULL DEFAULT '',
    line_id       INTEGER NOT NULL REFERENCES budget_line(id),
    CHECK (account_from <> '' OR object <> '')
);
CREATE INDEX account_mapping_federation ON account_mapping(federation_id, position);
CREATE TABLE finance_import (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    source        TEXT NOT NULL CHECK (source IN ('csv', 'sie')),
    file_name     TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    months        TEXT NOT NULL,
    summary       TEXT NOT NULL
);
)SQL";

// Faster downloads (bench/sync_bench). A download page is the change log in
// cursor order from the device's cursor; whether a record changed again later
// in the window is one lookup by record, so a page costs the same at the start
// and the end of a long first download. And the change log is the server's:
// a device (a database with a förbund configured by sync, sync_state
// 'federation') no longer writes one for every row it stores — it was never
// read there, and it was half the cost of storing a downloaded tally row.
// The running tally totals can be brought up to date once per download page
// instead of once per row: while sync_state holds 'totals_deferred' (only
// ever inside the page's transaction) the trigger leaves them to
// Replica::applyPull, which adds the page's rows in one grouped statement.
constexpr std::string_view kMigration10 = R"SQL(
CREATE INDEX change_log_by_record ON change_log (uid, entity, cursor);
DROP TRIGGER cases_logged_insert;
CREATE TRIGGER cases_logged_insert AFTER INSERT ON cases
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'case', NEW.uid);
END;
DROP TRIGGER cases_logged_update;
CREATE TRIGGER cases_logged_update AFTER UPDATE ON cases
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'case', NEW.uid);
END;
DROP TRIGGER story_logged_insert;
CREATE TRIGGER story_logged_insert AFTER INSERT ON story
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'story', NEW.uid);
END;
DROP TRIGGER story_logged_update;
CREATE TRIGGER story_logged_update AFTER UPDATE ON story
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'story', NEW.uid);
END;
DROP TRIGGER conflict_logged_insert;
CREATE TRIGGER conflict_logged_insert AFTER INSERT ON sync_conflict
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'conflict', NEW.uid);
END;
DROP TRIGGER conflict_logged_update;
CREATE TRIGGER conflict_logged_update AFTER UPDATE ON sync_conflict
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'conflict', NEW.uid);
END;
DROP TRIGGER round_logged_insert;
CREATE TRIGGER round_logged_insert AFTER INSERT ON survey_round
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'round', CAST(NEW.id AS TEXT));
END;
DROP TRIGGER round_logged_update;
CREATE TRIGGER round_logged_update AFTER UPDATE OF invited ON survey_round
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'round', CAST(NEW.id AS TEXT));
END;
DROP TRIGGER composition_logged_insert;
CREATE TRIGGER composition_logged_insert AFTER INSERT ON composition
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'composition', CAST(NEW.id AS TEXT));
END;
DROP TRIGGER composition_logged_update;
CREATE TRIGGER composition_logged_update AFTER UPDATE ON composition
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'composition', CAST(NEW.id AS TEXT));
END;
DROP TRIGGER tally_logged;
CREATE TRIGGER tally_logged AFTER INSERT ON tally_delta
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid)
        SELECT federation_id, team_id, 'tally', NEW.uid FROM survey_round WHERE id = NEW.round_id;
END;
DELETE FROM change_log WHERE EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation');
DROP TRIGGER tally_delta_total;
CREATE TRIGGER tally_delta_total AFTER INSERT ON tally_delta
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'totals_deferred') BEGIN
    INSERT INTO tally_total (round_id, question_id, option_no, gender, total)
    VALUES (NEW.round_id, NEW.question_id, NEW.option_no, NEW.gender, NEW.delta)
    ON CONFLICT (round_id, question_id, option_no, gender) DO UPDATE SET total = total + excluded.total;
END;
)SQL";

// Version 11: a judgment says who made it (the kansli's login) and carries a
// version (the clock of the edit that wrote it), against which a concurrent
// edit is detected; a change of a year's judgments is logged for the devices
// ("judgment:ÅÅÅÅ"), as the kansli now makes them from the client.
constexpr std::string_view kMigration11 = R"SQL(
ALTER TABLE manual_assessment ADD COLUMN assessed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE manual_assessment ADD COLUMN version TEXT NOT NULL DEFAULT '';
CREATE TRIGGER judgment_logged_insert AFTER INSERT ON manual_assessment
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NULL, 'judgment', 'judgment:' || NEW.year);
END;
CREATE TRIGGER judgment_logged_update AFTER UPDATE ON manual_assessment
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NULL, 'judgment', 'judgment:' || NEW.year);
END;
CREATE TRIGGER judgment_logged_delete AFTER DELETE ON manual_assessment
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (OLD.federation_id, NULL, 'judgment', 'judgment:' || OLD.year);
END;
)SQL";

// Version 12: the partner managers (parternas chefsgrupp) have a composition
// like the board's, for the förbund and every team. SQLite cannot change a
// CHECK: the table is made again with its rows, index and logging triggers.
constexpr std::string_view kMigration12 = R"SQL(
CREATE TABLE composition_v12 (
    id            INTEGER PRIMARY KEY,
    federation_id INTEGER NOT NULL REFERENCES federation(id),
    team_id       INTEGER REFERENCES team(id),
    body          TEXT NOT NULL CHECK (body IN ('staff', 'steering_group', 'board', 'partner_managers')),
    year          INTEGER NOT NULL,
    women         INTEGER NOT NULL CHECK (women >= 0),
    men           INTEGER NOT NULL CHECK (men >= 0)
);
INSERT INTO composition_v12 (id, federation_id, team_id, body, year, women, men)
    SELECT id, federation_id, team_id, body, year, women, men FROM composition;
DROP TABLE composition;
ALTER TABLE composition_v12 RENAME TO composition;
CREATE UNIQUE INDEX composition_key ON composition (federation_id, ifnull(team_id, 0), body, year);
CREATE TRIGGER composition_logged_insert AFTER INSERT ON composition
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'composition', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER composition_logged_update AFTER UPDATE ON composition
WHEN NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'federation') BEGIN
    INSERT INTO change_log (federation_id, team_id, entity, uid) VALUES (NEW.federation_id, NEW.team_id, 'composition', CAST(NEW.id AS TEXT));
END;
)SQL";

constexpr std::array<std::string_view, 12> kMigrations{kMigration1, kMigration2, kMigration3, kMigration4,
                                                       kMigration5, kMigration6, kMigration7, kMigration8,
                                                       kMigration9, kMigration10, kMigration11, kMigration12};

}  // namespace

std::span<const std::string_view> schemaMigrations()
{
    return kMigrations;
}

int currentSchemaVersion()
{
    return static_cast<int>(kMigrations.size());
}

}  // namespace samkoll::core
