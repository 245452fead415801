-- Postings in the batch, after staging, replacing stored rows, and of those, already known.
select
    (select count(*) from batch_postings) as postings_in,
    (select count(*) from stage_postings) as postings_staged,
    count(*) as postings_loaded,
    count(*) filter (where existed) as replaced
from stage_winners
