-- Aggregates the analyst views read instead of recounting posting_skills on every query. They are
-- derived data: warehouse/aggregates.py empties and refills them, set-based, from postings,
-- openings and posting_skills (pipeline.load.finalize, and any writer session that changed those).

-- One row per posting: its role families and distinct skills as sorted lists.
create table if not exists posting_lists (
    global_id varchar not null,
    source varchar not null,
    month date not null,
    is_canonical boolean not null,
    role_families varchar[] not null,
    skills varchar[] not null
);

-- Canonical postings per month (any role family): which months have data.
create table if not exists month_postings (
    month date not null,
    n_postings bigint not null
);

-- Canonical postings per month and role family (ai_engineer, data_scientist).
create table if not exists role_months (
    month date not null,
    role varchar not null,
    n_postings bigint not null
);

-- Canonical postings per month and role family that mention a skill (once per posting). Each
-- posting lies in one month, so sums over months are exact counts for quarters and years.
create table if not exists role_month_skills (
    month date not null,
    role varchar not null,
    skill_id varchar not null,
    n_skill bigint not null
);

-- Postings per month, source and role family, duplicates included (shares are within a source).
create table if not exists source_month_roles (
    month date not null,
    source varchar not null,
    role varchar not null,
    n bigint not null
);

-- What the aggregates were computed from: a fingerprint of the tables they read.
create table if not exists aggregate_state (
    fingerprint varchar not null,
    refreshed_at timestamptz not null
);
