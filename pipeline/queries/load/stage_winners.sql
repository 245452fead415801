-- Postings whose rows this batch replaces: new ones, and known ones fetched no earlier than stored.
select s.global_id, p.global_id is not null as existed
from _load_staged_postings s
left join postings p using (global_id)
where p.global_id is null or s.fetched_at >= p.fetched_at
