-- Pairs of postings of different sources with the same URL, or the same company and requisition id.
with keyed as (
    select
        global_id, source,
        nullif(regexp_replace(lower(trim(url)), '/+$', ''), '') as url_key,
        case when nullif(trim(requisition_id), '') is not null and nullif(trim(company), '') is not null
            then lower(trim(company)) || '|' || lower(trim(requisition_id)) end as requisition_key
    from postings
)
select distinct a.global_id as a, b.global_id as b
from keyed as a
join keyed as b on a.url_key = b.url_key and a.source < b.source
union
select distinct a.global_id, b.global_id
from keyed as a
join keyed as b on a.requisition_key = b.requisition_key and a.source < b.source
