-- Deduplicated postings (canonical rows only) with their role families and skills as sorted lists.
-- The lists come from posting_lists, which the aggregate refresh writes in the postings table's own
-- row order: a positional join pairs them without a hash table (gathering list columns out of one
-- costs more than the rest of the scan). A posting added or a row removed since the last refresh
-- breaks the pairing from there on; the global_id check then gives empty lists, never another
-- posting's, until the refresh that pipeline.load.finalize and every writer session run.
-- description_text stays in postings: at a million postings it is gigabytes a `select *` would
-- carry to the client; join postings on global_id for the texts wanted.
select
    postings.* exclude (description_text),
    case when lists.global_id = postings.global_id then lists.role_families else []::varchar[] end as role_families,
    case when lists.global_id = postings.global_id then lists.skills else []::varchar[] end as skills
from postings
positional join posting_lists as lists
where coalesce(postings.canonical_id, postings.global_id) = postings.global_id
