-- Every source of the batch, with when it was first and last loaded.
insert into sources (source, first_loaded_at, last_loaded_at)
select distinct source, current_timestamp, current_timestamp from _load_staged_postings
on conflict (source) do update set last_loaded_at = excluded.last_loaded_at
