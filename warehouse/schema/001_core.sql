-- Core tables: sources, crawl runs, landing files, process runs, postings and what is derived from them.

create table if not exists sources (
    source varchar primary key,
    first_loaded_at timestamptz,
    last_loaded_at timestamptz
);

create table if not exists crawl_runs (
    run_id varchar not null,
    source varchar not null,
    started_at timestamptz,
    finished_at timestamptz,
    complete boolean not null,
    requests integer,
    responses_by_status json,
    items_seen integer,
    items_landed integer,
    duplicates_in_run integer,
    landing_file varchar,
    seen_file varchar,
    scope json,
    errors json,
    n_errors integer,
    n_seen integer,
    loaded_at timestamptz,
    primary key (source, run_id)
);

-- Every global_id a crawl run saw (landed or unchanged), from its seen file: drives last_seen and closed_at.
create table if not exists crawl_run_seen (
    source varchar not null,
    run_id varchar not null,
    global_id varchar not null
);

create table if not exists landing_files (
    path varchar primary key,
    sha256 varchar not null,
    source varchar not null,
    run_id varchar not null,
    n_records integer not null,
    loaded_at timestamptz,
    process_run_id varchar
);

create table if not exists process_runs (
    process_run_id varchar primary key,
    started_at timestamptz not null,
    finished_at timestamptz,
    state varchar not null,
    files_in integer,
    postings_in bigint,
    postings_loaded bigint,
    skills_loaded bigint,
    failures integer,
    errors json,
    duration_s double
);

create table if not exists postings (
    global_id varchar primary key,
    source varchar not null,
    source_id varchar not null,
    board varchar,
    url varchar,
    company varchar,
    title varchar,
    location varchar,
    remote boolean,
    salary_min double,
    salary_max double,
    salary_currency varchar,
    salary_period varchar,
    salary_annual_min double,
    salary_annual_max double,
    salary_raw varchar,
    employment_type varchar,
    requisition_id varchar,
    posted_at timestamptz,
    month date not null,
    thread_id bigint,
    description_text varchar,
    content_hash varchar not null,
    fetched_at timestamptz,
    first_seen timestamptz not null,
    last_seen timestamptz not null,
    closed_at timestamptz,
    canonical_id varchar,
    is_synthetic boolean not null default false,
    rules_version varchar,
    taxonomy_version varchar,
    extractor_version varchar,
    crawl_run_id varchar
);

create table if not exists posting_versions (
    global_id varchar not null,
    content_hash varchar not null,
    first_seen timestamptz not null,
    crawl_run_id varchar,
    primary key (global_id, content_hash)
);

create table if not exists openings (
    global_id varchar not null,
    opening_idx integer not null,
    title varchar,
    normalized_title varchar,
    role_family varchar not null,
    seniority varchar,
    rules_version varchar
);

create table if not exists skills (
    skill_id varchar primary key,
    name varchar not null,
    category varchar,
    taxonomy_version varchar
);

-- opening_idx is null when the mention is in text shared by every opening of the posting.
create table if not exists posting_skills (
    global_id varchar not null,
    opening_idx integer,
    skill_id varchar not null,
    start_char integer not null,
    end_char integer not null,
    evidence varchar,
    extractor_version varchar
);

create table if not exists source_months (
    source varchar not null,
    month date not null,
    postings_seen bigint not null,
    postings_kept bigint not null,
    primary key (source, month)
);

create table if not exists divergence_bootstrap (
    period_type varchar not null,
    period varchar not null,
    jsd double,
    jsd_low double,
    jsd_high double,
    n_ai bigint not null,
    n_ds bigint not null,
    samples integer not null,
    seed bigint not null,
    primary key (period_type, period)
);
