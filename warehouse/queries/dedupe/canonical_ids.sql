-- The canonical posting of each group of duplicates (dedupe_members: global_id, root) is the one
-- posted first, then first seen, then the smallest global_id; every other member points to it.
with ranked as (
    select
        m.global_id,
        row_number() over w as rank,
        first_value(p.global_id) over w as canonical_id
    from dedupe_members as m
    join postings as p using (global_id)
    window w as (partition by m.root order by p.posted_at nulls last, p.first_seen, p.global_id)
)
select global_id, canonical_id from ranked where rank > 1 order by global_id
