-- Postings of the batch that staging dropped: neither a month nor a date that parses.
select global_id from _load_batch_postings
except
select global_id from _load_staged_postings
