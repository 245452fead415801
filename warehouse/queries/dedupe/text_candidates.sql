-- Postings of groups with the same company, title and location (normalised) from more than one
-- source: the candidates for near-duplicate descriptions, grouped by that key.
with keyed as (
    select
        global_id, source, description_text,
        regexp_replace(lower(coalesce(company, '')), '[^a-z0-9]+', ' ', 'g') || '|'
        || regexp_replace(lower(coalesce(title, '')), '[^a-z0-9]+', ' ', 'g') || '|'
        || regexp_replace(lower(coalesce(location, '')), '[^a-z0-9]+', ' ', 'g') as key
    from postings
    where company is not null and title is not null
),
groups as (
    select key from keyed group by key having count(distinct source) > 1
)
select keyed.key, keyed.global_id, keyed.source, keyed.description_text
from keyed
semi join groups using (key)
order by keyed.key, keyed.global_id
