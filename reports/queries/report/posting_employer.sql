-- The employer of a posting, as the employer check counts it: the posting's source plus its
-- company, lower-cased and accents stripped, with runs of characters other than letters and digits
-- (of any script) made one space; a posting without a company, or with nothing but punctuation and
-- spaces in it, counts as its own employer. A macro of the connection, so that every query that
-- counts employers counts them alike.
create or replace temp macro posting_employer(posting_source, company_name, posting_id) as
    posting_source || '|' || coalesce(
        nullif(
            trim(regexp_replace(lower(strip_accents(company_name)), '[^\p{L}\p{N}]+', ' ', 'g')),
            ''
        ),
        '#' || posting_id
    )
